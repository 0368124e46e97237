package pm.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;
import pm.source.Sources;
import pm.testing.PostmortemText;

class OverdueCollectorTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 20);

    private static final Names NAMES = new Names(Path.of(""));

    private static OverdueReport collect(OverdueFilter filter, List<Input> inputs) {
        return new OverdueCollector(new PostmortemParser(Schema.DEFAULT), OverdueSettings.DEFAULTS, AS_OF, filter)
                .collect(Listing.of(new ArrayList<>(inputs)), NAMES);
    }

    private static Input input(String file, Object text) {
        return new Input(file, Path.of(file), () -> text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void manyFilesAreReadInParallelAndReportedInTheSameOrderEveryTime() {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inputs.add(input(String.format("pm/%03d.md", i), PostmortemText.of("P" + i, "2025-03-19")
                    .item("Item " + i, "@o" + (i % 7), "2025-03-" + String.format("%02d", 1 + i % 19), "P1", "open")));
        }
        OverdueReport first = collect(OverdueFilter.NONE, inputs);
        assertThat(first.read()).isEqualTo(500);
        assertThat(first.items()).hasSize(500).isSortedAccordingTo(OverdueCollector.ORDER);
        for (int run = 0; run < 5; run++) {
            assertThat(collect(OverdueFilter.NONE, inputs).items()).isEqualTo(first.items());
        }
        assertThat(first.items().get(0).daysOverdue()).isEqualTo(19);
        assertThat(first.items().get(0).file()).isEqualTo("pm/000.md");
    }

    @Test
    void aFileThatCannotBeLoadedIsSkippedWithItsLineAndReason() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(
                new Input("pm/bad.md", Path.of("pm/bad.md"), () -> {
                    throw new InputException(null, 3, "is not valid UTF-8 (byte 40); save the file as UTF-8");
                }),
                input("pm/good.md", PostmortemText.of("Good", "2025-03-19").item("Late", "@a", "2025-03-01", null,
                        null))));
        assertThat(r.read()).isEqualTo(1);
        assertThat(r.skipped()).containsExactly(new Skipped("pm/bad.md", 3,
                "is not valid UTF-8 (byte 40); save the file as UTF-8"));
        assertThat(r.skipped().get(0).oneLine()).isEqualTo("pm/bad.md:3: is not valid UTF-8 (byte 40); save the "
                + "file as UTF-8");
        assertThat(r.items()).extracting(OverdueItem::title).containsExactly("Late");
    }

    @Test
    void aPostmortemWithoutATitleIsNamedByItsFile() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/2025-03-01-db.md",
                PostmortemText.of("x", "2025-03-19").with("title", null).item("Late", "@a", "2025-03-01", null,
                        null))));
        assertThat(r.items().get(0).postmortem()).isEqualTo("2025-03-01-db");
    }

    @Test
    void anItemWithoutATitleIsStillListed() {
        String text = "---\ndate: 2025-03-19\naction_items:\n  - owner: \"@a\"\n    due: 2025-03-01\n---\n";
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md", text)));
        assertThat(r.items()).extracting(OverdueItem::title).containsExactly("(action item without a title)");
        assertThat(r.items().get(0).line()).isEqualTo(4);
    }

    @Test
    void aPostmortemDatedAfterTheAsOfDayHasNoLifecycleDeadlinesYet() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md",
                PostmortemText.of("Future", "2025-04-01").with("status", "draft"))));
        assertThat(r.items()).isEmpty();
        assertThat(r.undated()).isEmpty();
    }

    // --- the lifecycle: draft → in-review → reviewed → published ------------------------------------------------

    /** The lifecycle rows of one postmortem with this status, as of {@link #AS_OF}, its incident on {@code date}. */
    private static List<String> lifecycle(String date, String status) {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md",
                PostmortemText.of("P", date).with("status", status))));
        return r.items().stream().filter(i -> i.kind() == Kind.LIFECYCLE).map(OverdueItem::title).toList();
    }

    @Test
    void aReviewedPostmortemIsNoLongerRemindedOfItsReview() {
        // 4 days after the incident: past the draft (2) and review (3) deadlines, not the publish one (7)
        assertThat(lifecycle("2025-03-16", "in-review")).singleElement().asString().startsWith("Not reviewed after 3 days");
        assertThat(lifecycle("2025-03-16", "reviewed")).isEmpty();
        assertThat(lifecycle("2025-03-16", "Reviewed")).isEmpty();
    }

    @Test
    void aReviewedPostmortemIsStillRemindedToPublish() {
        // 10 days after: every deadline has passed; a review does not stand for publishing
        assertThat(lifecycle("2025-03-10", "reviewed")).singleElement().asString()
                .startsWith("Not published after 7 days");
        assertThat(lifecycle("2025-03-10", "published")).isEmpty();
        // the row shows where the postmortem stands: reviewed, not an unknown status
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md",
                PostmortemText.of("P", "2025-03-10").with("status", "reviewed"))));
        assertThat(r.items()).singleElement().extracting(OverdueItem::status).isEqualTo("reviewed");
    }

    @Test
    void eachStatusIsRemindedOfTheFirstStepItHasNotReached() {
        assertThat(lifecycle("2025-03-10", "draft")).singleElement().asString().startsWith("Still a draft after");
        assertThat(lifecycle("2025-03-10", "in-review")).singleElement().asString().startsWith("Not reviewed after");
        assertThat(lifecycle("2025-03-10", "reviewed")).singleElement().asString().startsWith("Not published after");
        assertThat(lifecycle("2025-03-10", null)).singleElement().asString().startsWith("Not published after");
        // an unknown status is no step: only publishing is asked for, as when it is missing
        assertThat(lifecycle("2025-03-10", "approved")).singleElement().asString().startsWith("Not published after");
    }

    @Test
    void aReviewedPostmortemWithoutADateIsNamedAsUndatedAsADraftIs() {
        // only published with nothing open may go without a date unnamed
        for (String status : List.of("draft", "in-review", "reviewed")) {
            OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md",
                    PostmortemText.of("P", "null").with("status", status))));
            assertThat(r.undated()).as(status).hasSize(1);
        }
        assertThat(collect(OverdueFilter.NONE, List.of(input("pm/a.md", PostmortemText.of("P", "null"))))
                .undated()).isEmpty();
    }

    /** The lifecycle rows of one file, as of {@link #AS_OF}. */
    private static List<OverdueItem> lifecycleRows(String text) {
        return collect(OverdueFilter.NONE, List.of(input("pm/a.md", text))).items().stream()
                .filter(i -> i.kind() == Kind.LIFECYCLE).toList();
    }

    @Test
    void eachReminderSaysWhichLineToSetToWhat() {
        String draft = "---\ntitle: P\ndate: 2025-03-10\nstatus: draft\n---\n";
        assertThat(lifecycleRows(draft)).extracting(OverdueItem::title).containsExactly(
                "Still a draft after 2 days: send it for review and set status: in-review (line 4)");
        assertThat(lifecycleRows(draft.replace("draft\n", "in-review\n"))).extracting(OverdueItem::title)
                .containsExactly("Not reviewed after 3 days: hold the postmortem review, then set status: reviewed "
                        + "(line 4)");
        assertThat(lifecycleRows("---\ntitle: P\n\nstatus: reviewed\ndate: 2025-03-10\n---\n"))
                .extracting(OverdueItem::title, OverdueItem::line).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Not published after 7 days: set status: published (line 4)",
                                4));
    }

    @Test
    void aStatusWrittenWrongOrEmptyIsToBeSetOnItsLineAndAMissingOneAddedToTheFrontMatter() {
        assertThat(lifecycleRows("---\ntitle: P\ndate: 2025-03-10\nstatus: approved\n---\n"))
                .extracting(OverdueItem::title)
                .containsExactly("Not published after 7 days: set status: published (line 4)");
        assertThat(lifecycleRows("---\ntitle: P\nstatus:\ndate: 2025-03-10\n---\n"))
                .extracting(OverdueItem::title)
                .containsExactly("Not published after 7 days: set status: published (line 3)");
        // no status line to change: where the line goes, before the front matter's closing line
        assertThat(lifecycleRows("---\ntitle: P\ndate: 2025-03-10\nauthors: [Ann]\n---\n\n# P\n"))
                .extracting(OverdueItem::title).containsExactly(
                        "Not published after 7 days: add status: published to the front matter (before line 5)");
    }

    @Test
    void theFollowUpReminderSaysToAddTheDateOrToFixTheOneWritten() {
        String open = "---\ntitle: P\ndate: 2025-01-10\nstatus: published\naction_items:\n  - title: Fix it\n"
                + "    owner: \"@a\"\n    due: 2025-12-01\n";
        assertThat(lifecycleRows(open + "---\n")).extracting(OverdueItem::title, OverdueItem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("30-day follow-up review: 1 item open; then add follow_up_reviewed: "
                        + "YYYY-MM-DD to the front matter (before line 9)", 5));
        // written, but not a date: that line is the one to set
        assertThat(lifecycleRows(open + "follow_up_reviewed: after the sprint\n---\n")).extracting(OverdueItem::title)
                .containsExactly("30-day follow-up review: 1 item open; then set follow_up_reviewed: YYYY-MM-DD "
                        + "(line 9)");
        assertThat(lifecycleRows(open + "follow_up_reviewed: 2025-02-11\n---\n")).isEmpty();
    }

    @Test
    void aWontDoItemWithAReasonIsFinishedAndListedNowhere() {
        String text = "---\ntitle: P\ndate: 2025-03-19\nstatus: published\naction_items:\n"
                + "  - title: Shard the sessions table\n    due: 2025-03-01\n    status: wont-do\n"
                + "    reason: Superseded by moving sessions to Redis\n"
                + "  - title: Page on WAL lag\n    due: 2025-03-01\n    status: open\n"
                + "    reason: Waiting for the new pager\n---\n";
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md", text)));
        // the open item is late (no owner: still an action-item row); the wont-do one is in no row of any kind
        assertThat(r.items()).extracting(OverdueItem::title).containsExactly("Page on WAL lag");
    }

    @Test
    void agingBucketsCountOnlyOverdueRows() {
        PostmortemText p = PostmortemText.of("P", "2025-03-19");
        for (String due : List.of("2025-03-19", "2025-03-13", "2025-03-12", "2025-02-18", "2025-02-17",
                "2024-12-20", "2024-12-19", "2025-03-20", "2025-03-25")) {
            p.item("due " + due, "@a", due, null, null);
        }
        p.item("no due", "@a", null, null, null);
        OverdueReport r = collect(new OverdueFilter(List.of(), List.of(), List.of(), List.of(), 10),
                List.of(input("pm/a.md", p)));
        assertThat(r.tally().aging()).containsExactly(2, 2, 2, 1);
        assertThat(r.overdue()).hasSize(7);
        assertThat(r.upcoming()).extracting(OverdueItem::daysOverdue).containsExactly(0L, -5L);
        assertThat(r.tally().count(Kind.NO_DUE_DATE)).isEqualTo(1);
    }

    @Test
    void theWrittenOutOrderIsTheComparatorChainItReplaces() {
        Comparator<OverdueItem> chain = Comparator
                .comparing((OverdueItem i) -> i.kind() == Kind.NO_OWNER ? 1 : i.kind() == Kind.NO_DUE_DATE ? 2 : 0)
                .thenComparing(i -> i.daysOverdue() == null ? Long.MIN_VALUE : i.daysOverdue(),
                        Comparator.reverseOrder())
                .thenComparing(OverdueItem::file)
                .thenComparingInt(OverdueItem::line);
        Random random = new Random(5);
        List<OverdueItem> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Long days = random.nextInt(4) == 0 ? null : (long) random.nextInt(7) - 3;
            items.add(new OverdueItem(kind, "pm/" + random.nextInt(5) + ".md", random.nextInt(4), "P", "T", null,
                    List.of(), null, null, null, days, null, null, List.of()));
        }
        for (OverdueItem a : items) {
            for (OverdueItem b : items) {
                assertThat(Integer.signum(OverdueCollector.ORDER.compare(a, b)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(chain.compare(a, b)));
            }
        }
    }

    @Test
    void filesReadAheadGiveTheSameReportAsReadingEachInput(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pm/sub"));
        for (int i = 0; i < 120; i++) {
            Files.writeString(dir.resolve((i % 3 == 0 ? "pm/sub/" : "pm/") + i + ".md"), PostmortemText.of("P" + i,
                    "2025-03-19").item("Item " + i, "@o" + (i % 7), "2025-03-0" + (1 + i % 9), "P1", "open").text());
        }
        Files.writeString(dir.resolve("pm/bad.md"), "---\ntitle: [unclosed\n---\n");
        Files.write(dir.resolve("pm/latin1.md"), new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xE9});
        Files.writeString(dir.resolve("pm/other.markdown"), PostmortemText.of("M", "2025-03-01").text());
        Files.createSymbolicLink(dir.resolve("pm/link.md"), dir.resolve("pm/1.md"));
        Names names = new Names(dir);
        OverdueCollector collector = new OverdueCollector(new PostmortemParser(Schema.DEFAULT),
                OverdueSettings.DEFAULTS, AS_OF, OverdueFilter.NONE);
        Listing scanned = Sources.scan(dir.resolve("pm"), dir, names);
        // what git would list: all but one file, and one that is not on disk
        List<Listing.Entry> entries = new ArrayList<>(scanned.entries());
        entries.remove(scanned.inputs().get(0));
        entries.add(new Input("pm/gone.md", dir.resolve("pm/gone.md"), () -> {
            throw new InputException(dir.resolve("pm/gone.md"), 0, "no such file");
        }));
        Listing listing = Listing.of(entries);

        OverdueReport plain = collector.collect(listing, names);
        OverdueReport ahead = collector.collect(listing, names, collector.readAhead(dir.resolve("pm"), names));

        assertThat(ahead).isEqualTo(plain);
        assertThat(plain.read()).isEqualTo(121); // 119 of the 120, the link and the .markdown file
        assertThat(plain.skipped()).extracting(Skipped::file).contains("pm/bad.md", "pm/latin1.md", "pm/gone.md");
        assertThat(plain.items()).hasSizeGreaterThan(100);
    }
}
