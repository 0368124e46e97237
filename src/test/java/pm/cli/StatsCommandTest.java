package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.TempGit;

/**
 * {@code pm stats} on hand-made repositories whose commits have set dates, each metric with a known answer. Today is
 * {@link Cli#NOW}: 2025-03-20.
 */
class StatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    Git git;

    @BeforeEach
    void gitRepo() throws Exception {
        git = TempGit.init(repo, "Ada Lovelace");
    }

    @AfterEach
    void closeGit() {
        git.close();
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Commits everything with author and committer dates {@code when} (ISO instant). */
    private String commitAt(String when) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.com", Instant.parse(when), ZoneOffset.UTC);
        return git.commit().setMessage("at " + when).setAuthor(who).setCommitter(who).call().abbreviate(12).name();
    }

    /** A postmortem's front matter: the fields as written, then a short body. */
    private static String pm(String... lines) {
        return "---\n" + String.join("\n", lines) + "\n---\n\n# Postmortem\n\n## Summary\n\nIt broke.\n";
    }

    private Cli.Result run(String... args) {
        return Cli.in(repo).run(args);
    }

    private JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "stats";
        all[1] = "--format";
        all[2] = "json";
        System.arraycopy(args, 0, all, 3, args.length);
        Cli.Result r = run(all);
        assertThat(r.code()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    private static JsonNode period(JsonNode report, String name) {
        for (JsonNode p : report.get("periods")) {
            if (p.get("period").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no period " + name + " in " + report);
    }

    // --- incidents and durations -----------------------------------------------------------------------------

    @Test
    void durationsHaveMedianP90AndCoverageWithOddAndEvenCountsAndTimeZones() throws Exception {
        // March: resolve 10, 20, 30 minutes (odd n); one more without resolved; started written in +02:00
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01", "severity: SEV1", "incident:",
                "  started: 2025-03-01T12:00:00+02:00", "  detected: 2025-03-01T10:05:00Z",
                "  resolved: 2025-03-01T10:10:00Z"));
        write("postmortems/b.md", pm("title: B", "date: 2025-03-02", "severity: SEV2", "incident:",
                "  started: 2025-03-02T10:00:00Z", "  resolved: 2025-03-02T10:20:00Z"));
        write("postmortems/c.md", pm("title: C", "date: 2025-03-03", "severity: SEV2", "incident:",
                "  started: 2025-03-03T10:00:00Z", "  resolved: 2025-03-03T10:30:00Z"));
        write("postmortems/d.md", pm("title: D", "date: 2025-03-04", "severity: SEV2", "incident:",
                "  started: 2025-03-04T10:00:00Z"));
        // January: 10 and 40 minutes (even n)
        write("postmortems/e.md", pm("title: E", "date: 2025-01-04", "incident:",
                "  started: 2025-01-04T10:00:00Z", "  resolved: 2025-01-04T10:10:00Z"));
        write("postmortems/f.md", pm("title: F", "date: 2025-01-05", "incident:",
                "  started: 2025-01-05T10:00:00Z", "  resolved: 2025-01-05T10:40:00Z"));
        commitAt("2025-03-05T09:00:00Z");

        JsonNode r = json();
        JsonNode march = period(r, "2025-03");
        assertThat(march.get("incidents").asInt()).isEqualTo(4);
        assertThat(march.get("by_severity").get("SEV1").asInt()).isEqualTo(1);
        assertThat(march.get("by_severity").get("SEV2").asInt()).isEqualTo(3);
        JsonNode resolve = march.get("durations").get("resolve");
        assertThat(resolve.get("median_seconds").asLong()).isEqualTo(20 * 60);
        assertThat(resolve.get("p90_seconds").asLong()).isEqualTo(30 * 60);
        assertThat(resolve.get("n").asInt()).isEqualTo(3);
        assertThat(resolve.get("of").asInt()).isEqualTo(4);
        JsonNode detect = march.get("durations").get("detect");
        assertThat(detect.get("median_seconds").asLong()).isEqualTo(5 * 60); // 12:00+02:00 is 10:00Z
        assertThat(detect.get("n").asInt()).isEqualTo(1);
        JsonNode jan = period(r, "2025-01").get("durations").get("resolve");
        assertThat(jan.get("median_seconds").asLong()).isEqualTo(25 * 60);
        assertThat(jan.get("p90_seconds").asLong()).isEqualTo(40 * 60);
        assertThat(period(r, "2025-02").get("incidents").asInt()).isZero(); // an empty month between is kept
        assertThat(r.get("periods").get(0).get("durations").has("acknowledge")).isFalse(); // nobody writes it
        assertThat(r.get("overall").get("incidents").asInt()).isEqualTo(6);

        Cli.Result table = run("stats");
        assertThat(table.out()).contains("20m / 30m (3 of 4)").contains("25m / 40m (2 of 2)").contains("\u2588");
    }

    @Test
    void acknowledgeAndMitigateAppearWhenWrittenAndDurationsAreConfigurable() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01", "incident:", "  started: 2025-03-01T10:00:00Z",
                "  detected: 2025-03-01T10:04:00Z", "  acknowledged: 2025-03-01T10:06:00Z",
                "  declared: 2025-03-01T10:30:00Z"));
        commitAt("2025-03-05T09:00:00Z");
        JsonNode d = json().get("overall").get("durations");
        assertThat(d.get("acknowledge").get("median_seconds").asLong()).isEqualTo(120);
        assertThat(d.has("mitigate")).isFalse();

        write(".pm.yml", "stats:\n  durations:\n    declare: [started, declared]\n");
        JsonNode own = json().get("overall").get("durations");
        assertThat(own.get("declare").get("median_seconds").asLong()).isEqualTo(30 * 60);
        assertThat(own.has("detect")).isFalse();

        write(".pm.yml", "stats:\n  durations:\n    declare: [started]\n");
        Cli.Result bad = run("stats");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(".pm.yml:3").contains("[from, to]").doesNotContain("Exception");
        write(".pm.yml", "stats:\n  window: 3\n");
        assertThat(run("stats").err()).contains("unknown setting 'stats.window'");
        assertThat(run("overdue").code()).isEqualTo(2); // every command refuses a bad .pm.yml alike
    }

    // --- lifecycle from history --------------------------------------------------------------------------------

    @Test
    void lifecycleIsTheFirstCommitReachingEachStatusEvenAfterGoingBackToDraft() throws Exception {
        String at = "date: 2025-03-01";
        write("postmortems/a.md", pm("title: A", at, "status: draft"));
        String first = commitAt("2025-03-02T00:00:00Z");
        write("postmortems/a.md", pm("title: A", at, "status: in-review"));
        commitAt("2025-03-03T00:00:00Z");
        write("postmortems/a.md", pm("title: A", at, "status: published"));
        String published = commitAt("2025-03-05T00:00:00Z");
        write("postmortems/a.md", pm("title: A", at, "status: draft"));
        commitAt("2025-03-09T00:00:00Z");
        write("postmortems/a.md", pm("title: A", at, "status: published"));
        commitAt("2025-03-12T00:00:00Z");

        JsonNode r = json();
        JsonNode life = r.get("overall").get("lifecycle");
        assertThat(life.get("first-commit").get("median_seconds").asLong()).isEqualTo(86400);
        assertThat(life.get("in-review").get("median_seconds").asLong()).isEqualTo(2 * 86400);
        assertThat(life.get("published").get("median_seconds").asLong()).isEqualTo(4 * 86400);
        JsonNode deadlines = r.get("overall").get("deadlines"); // defaults: draft 2, review 3, publish 7 days
        assertThat(deadlines.get("draft").get("met").asInt()).isEqualTo(1);
        assertThat(deadlines.get("publish").get("met").asInt()).isEqualTo(1);
        assertThat(deadlines.get("review").get("met").asInt()).isZero(); // never 'reviewed': published on day 4
        assertThat(r.get("history").asText()).isEqualTo("git");

        Cli.Result explain = run("stats", "--explain", "published", "--period", "2025-03");
        assertThat(explain.code()).as(explain.toString()).isZero();
        assertThat(explain.out()).contains("postmortems/a.md:4").contains("commit " + published)
                .contains("published 4d 0h after the incident");
        assertThat(run("stats", "--explain", "first-commit", "--period", "all").out()).contains(first);
    }

    @Test
    void tableAndMarkdownListTheNewest25RepeatsSoTheReportFitsAJobSummaryAndJsonListsAll() throws Exception {
        for (int day = 1; day <= 30; day++) { // 30 incidents on one service, a day apart: 29 repeats
            write("postmortems/d" + day + ".md", pm("title: Outage " + day, String.format("date: 2025-03-%02d", day),
                    "services: [payments]", "status: published"));
        }
        String md = run("stats", "--no-git", "--format", "markdown").out();
        assertThat(md).contains("The newest 25 of 29; pm stats --format json lists them all.")
                .contains("postmortems/d30.md").doesNotContain("postmortems/d2.md |");
        String table = run("stats", "--no-git").out();
        assertThat(table).contains("The newest 25 of 29");
        assertThat(json("--no-git").get("repeats")).hasSize(29);
    }

    @Test
    void withoutHistoryTheHistoryMetricsSayNoHistoryAndTheRestStillWorks() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01", "action_items:", "  - title: Add an alert",
                "    due: 2025-03-10", "    status: done", "    closed: 2025-03-08"));
        commitAt("2025-03-02T00:00:00Z");
        JsonNode r = json("--no-git");
        assertThat(r.get("history").asText()).startsWith("none: --no-git");
        assertThat(r.get("overall").get("lifecycle").isNull()).isTrue();
        assertThat(r.get("overall").get("follow_through").get("on_time").get("met").asInt()).isEqualTo(1);
        assertThat(r.get("overall").get("follow_through").get("days_to_done").get("median_days").asLong())
                .isEqualTo(7);
        assertThat(run("stats", "--no-git").out()).contains("no history (--no-git)");

        write("postmortems/new.md", pm("title: New", "date: 2025-03-03", "status: published"));
        JsonNode untracked = json("--rev", "HEAD");
        assertThat(untracked.get("postmortems").asInt()).isEqualTo(1); // --rev reads the commit, not the folder
    }

    @Test
    void aShallowCloneHasNoHistoryRatherThanAWrongOne() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01", "status: published"));
        String id = commitAt("2025-03-09T00:00:00Z");
        String full = git.getRepository().resolve(id).name();
        Files.writeString(repo.resolve(".git/shallow"), full + "\n");
        JsonNode r = json();
        assertThat(r.get("history").asText()).startsWith("none: a shallow clone");
        assertThat(r.get("overall").get("incidents").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyRepositoryReportsNothingAndSaysWhy() throws Exception {
        Files.createDirectories(repo.resolve("postmortems"));
        Cli.Result r = run("stats");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("No incidents to report.");
        assertThat(r.err()).contains("no postmortems found");
        assertThat(json().get("history").asText()).isEqualTo("none: no commits yet");
    }

    // --- follow-through ------------------------------------------------------------------------------------------

    @Test
    void anItemDoneThenReopenedThenDoneAgainClosesTheLastTimeItBecameDone() throws Exception {
        String head = "title: A\ndate: 2025-02-01\naction_items:\n  - title: Add an alert\n    due: 2025-02-20";
        write("postmortems/a.md", pm(head, "    status: open"));
        commitAt("2025-02-02T00:00:00Z");
        write("postmortems/a.md", pm(head, "    status: done"));
        commitAt("2025-02-10T00:00:00Z");
        write("postmortems/a.md", pm(head, "    status: open"));
        commitAt("2025-02-12T00:00:00Z");
        JsonNode reopened = json().get("overall").get("follow_through");
        assertThat(reopened.get("open").asInt()).isEqualTo(1);
        assertThat(reopened.get("done").asInt()).isZero();
        assertThat(reopened.get("on_time").get("of").asInt()).isEqualTo(1); // open and past due today
        assertThat(reopened.get("on_time").get("met").asInt()).isZero();
        assertThat(reopened.get("overdue_today").asInt()).isEqualTo(1); // as pm overdue lists it

        write("postmortems/a.md", pm(head, "    status: done"));
        String done = commitAt("2025-02-25T00:00:00Z");
        JsonNode f = json().get("overall").get("follow_through");
        assertThat(f.get("done").asInt()).isEqualTo(1);
        assertThat(f.get("days_to_done").get("median_days").asLong()).isEqualTo(24);
        assertThat(f.get("on_time").get("met").asInt()).isZero(); // closed on the 25th, due the 20th
        assertThat(f.get("on_time").get("of").asInt()).isEqualTo(1);
        assertThat(run("stats", "--explain", "on-time", "--period", "2025-02").out())
                .contains("postmortems/a.md:5").contains("closed 2025-02-25, due 2025-02-20 (late)")
                .contains(done);
    }

    @Test
    void onTimeCountsClosedItemsAndOpenOnesPastDueSoTheNewestPeriodIsNotAFreeHundredPercent() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01", "action_items:",
                "  - title: Early", "    due: 2025-03-10", "    status: done", "    closed: 2025-03-09",
                "  - title: Late and open", "    due: 2025-03-15", "    status: open",
                "  - title: Not due yet", "    due: 2025-04-15", "    status: open",
                "  - title: Dropped", "    status: wont-do"));
        commitAt("2025-03-02T00:00:00Z");
        JsonNode f = json().get("overall").get("follow_through");
        assertThat(f.get("created").asInt()).isEqualTo(4);
        assertThat(f.get("done").asInt()).isEqualTo(1);
        assertThat(f.get("wont_do").asInt()).isEqualTo(1);
        assertThat(f.get("open").asInt()).isEqualTo(2);
        assertThat(f.get("on_time").get("met").asInt()).isEqualTo(1);
        assertThat(f.get("on_time").get("of").asInt()).isEqualTo(2);
        assertThat(f.get("on_time").get("percent").asInt()).isEqualTo(50);
    }

    @Test
    void aRenamedItemKeepsItsCloseDateWithAnIdAndStartsOverWithout() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-02-01", "action_items:",
                "  - id: ALERT-1", "    title: Add an alert", "    status: done",
                "  - title: Add a runbook", "    status: done"));
        commitAt("2025-02-05T00:00:00Z");
        write("postmortems/a.md", pm("title: A", "date: 2025-02-01", "action_items:",
                "  - id: ALERT-1", "    title: Add a disk alert", "    status: done",
                "  - title: Add a runbook for the disk", "    status: done"));
        commitAt("2025-02-15T00:00:00Z");
        Cli.Result r = run("stats", "--explain", "days-to-done", "--period", "all");
        assertThat(r.out()).contains("Add a disk alert: 4 days").contains("Add a runbook for the disk: 14 days");
    }

    // --- repeats and risk ------------------------------------------------------------------------------------

    @Test
    void repeatsInsideTheWindowSayWhetherTheEarlierFixHeldAndOnesOutsideItAreNotRepeats() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-01-01", "services: [payments]", "tags: [dns]",
                "action_items:", "  - title: Fix the resolver", "    status: done", "    closed: 2025-01-05"));
        write("postmortems/b.md", pm("title: B", "date: 2025-02-15", "services: [payments]",
                "action_items:", "  - title: Cache the token", "    status: open"));
        write("postmortems/c.md", pm("title: C", "date: 2025-08-01", "services: [payments]", "tags: [dns]"));
        write("postmortems/d.md", pm("title: D", "date: 2025-02-20", "services: [search]", "tags: [DNS]"));
        commitAt("2025-08-02T00:00:00Z");

        JsonNode r = json("--as-of", "2025-08-10");
        JsonNode repeats = r.get("repeats");
        assertThat(repeats).hasSize(2); // c came 162 days after d and 167 after b: outside the 90-day window
        assertThat(repeats.get(0).get("file").asText()).isEqualTo("postmortems/b.md");
        assertThat(repeats.get(0).get("earlier").asText()).isEqualTo("postmortems/a.md");
        assertThat(repeats.get(0).get("days").asInt()).isEqualTo(45);
        assertThat(repeats.get(0).get("verdict").asText()).isEqualTo("fix-did-not-hold");
        assertThat(repeats.get(1).get("file").asText()).isEqualTo("postmortems/d.md"); // tag dns, case ignored
        assertThat(repeats.get(1).get("on").asText()).isEqualTo("tag");
        assertThat(repeats.findValuesAsText("file")).doesNotContain("postmortems/a.md", "postmortems/c.md");
        JsonNode risk = r.get("recurrence_risk");
        assertThat(risk.findValuesAsText("file")).containsExactly("postmortems/c.md");
        assertThat(risk.get(0).get("earlier").asText()).isEqualTo("postmortems/b.md");
        assertThat(risk.get(0).get("open").asInt()).isEqualTo(1);

        write(".pm.yml", "stats:\n  repeat_window_days: 46\n");
        JsonNode narrow = json("--as-of", "2025-08-10").get("repeats");
        assertThat(narrow.findValuesAsText("file")).containsExactly("postmortems/b.md"); // 45 days in, d's 50 out
        write(".pm.yml", "stats:\n  repeat_window_days: 200\n");
        JsonNode wide = json("--as-of", "2025-08-10").get("repeats");
        assertThat(wide.findValuesAsText("file")).contains("postmortems/c.md");
        JsonNode cOnService = wide.get(wide.size() - 2); // c: on payments after b, then on dns after d
        assertThat(cOnService.get("earlier").asText()).isEqualTo("postmortems/b.md");
        assertThat(cOnService.get("verdict").asText()).isEqualTo("fix-not-yet-made");
        assertThat(wide.get(wide.size() - 1).get("verdict").asText()).isEqualTo("no-items");
    }

    // --- filters, periods, formats, errors ---------------------------------------------------------------------

    @Test
    void filtersAndPeriodsThatStraddleAYear() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2024-12-30", "severity: SEV1", "services: [payments]"));
        write("postmortems/b.md", pm("title: B", "date: 2025-01-02", "severity: SEV2", "services: [search]"));
        write("postmortems/c.md", pm("title: C", "date: 2025-04-02", "severity: SEV2", "services: [payments]"));
        commitAt("2025-04-03T00:00:00Z");
        JsonNode q = json("--by", "quarter");
        assertThat(q.get("periods").findValuesAsText("period")).containsExactly("2024-Q4", "2025-Q1", "2025-Q2");
        assertThat(json("--by", "year").get("periods").findValuesAsText("period")).containsExactly("2024", "2025");
        assertThat(json("--service", "PAYMENTS").get("overall").get("incidents").asInt()).isEqualTo(2);
        assertThat(json("--severity", "sev2").get("overall").get("incidents").asInt()).isEqualTo(2);
        assertThat(json("--since", "2025-01-01", "--until", "2025-03-31").get("overall").get("incidents").asInt())
                .isEqualTo(1);

        Cli.Result md = run("stats", "--format", "markdown", "--by", "quarter");
        assertThat(md.out()).contains("### Incidents").contains("| 2024-Q4 | 1 | 1 | 0 | 0 | 0 |");
        Cli.Result csv = run("stats", "--format", "csv", "--by", "year");
        assertThat(csv.out()).startsWith("period,metric,value,median,p90,n,of,unit\r\n")
                .contains("2024,incidents,1,,,,,count\r\n").contains("all,incidents,3,,,,,count\r\n");
    }

    @Test
    void badInputExitsTwoWithOneLineAndBrokenFilesAreSkipped() throws Exception {
        write("postmortems/a.md", pm("title: A", "date: 2025-03-01"));
        write("postmortems/broken.md", "---\ntitle: [unclosed\n---\n");
        commitAt("2025-03-02T00:00:00Z");
        Cli.Result r = run("stats");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("postmortems/broken.md").contains("(skipped)");
        assertThat(r.out()).contains("pm stats: 1 postmortem, by month");

        Cli.Result by = run("stats", "--by", "week");
        assertThat(by.code()).isEqualTo(2);
        assertThat(by.err().strip()).contains("--by 'week' is not one of month, quarter, year").doesNotContain("\n");
        assertThat(run("stats", "--since", "2025-13-01").code()).isEqualTo(2);
        Cli.Result metric = run("stats", "--explain", "mttr", "--period", "all");
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains("not a metric").contains("resolve");
        assertThat(run("stats", "--explain", "incidents", "--period", "1999-01").err())
                .contains("not a period of this report").contains("2025-03");
        assertThat(run("stats", "--explain", "incidents").err()).contains("--explain needs --period");
    }

    @Test
    void helpListsTheCommandWithExamples() {
        Cli.Result r = run("stats", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--explain").contains("pm stats --explain resolve --period 2025-03")
                .contains("Never groups or counts by person");
    }
}
