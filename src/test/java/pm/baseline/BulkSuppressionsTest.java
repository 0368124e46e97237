package pm.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;

/**
 * Adopting pm on an archive: {@code pm lint --suppress-all} writes today's findings to .pm-suppressions.json, later
 * runs report only what is new, keyed by what was found, not where.
 */
class BulkSuppressionsTest {
    private static final String BLAME = "\nIt was human error: Kevin should have noticed the alert.\n";
    /** An old postmortem with two blame errors and one vague action item. */
    private static final String OLD = LintFixture.CLEAN.replace("| P1 | open |\n", "| P1 | open |\n"
            + "| Improve monitoring | @sam | 2025-04-01 | P2 | open |\n").replace("    status: open\n",
            "    status: open\n  - title: Improve monitoring\n    owner: \"@sam\"\n    due: 2025-04-01\n"
                    + "    priority: P2\n    status: open\n") + BLAME;

    @TempDir
    Path repo;

    Path file;

    @BeforeEach
    void archive() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        file = repo.resolve("postmortems/2024-01-01-old.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, OLD);
    }

    private Cli.Result lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.in(repo).run(all);
    }

    @Test
    void suppressAllWritesTheFindingsAndLaterRunsReportNothingOld() throws Exception {
        assertThat(lint().code()).isEqualTo(1);
        Cli.Result written = lint("--suppress-all");
        assertThat(written.code()).as(written.toString()).isZero();
        assertThat(written.err()).contains("pm: .pm-suppressions.json now holds 3 findings; commit it with the "
                + "postmortems");
        String json = Files.readString(repo.resolve(".pm-suppressions.json"));
        assertThat(json).contains("\"postmortems/2024-01-01-old.md\"").contains("\"blame-language\"")
                .contains("\"count\" : 2").contains("\"vague-action-item\"");
        Cli.Result later = lint();
        assertThat(later.code()).isZero();
        assertThat(later.out()).isEqualTo("1 file checked: no problems found\n");
        assertThat(later.err()).isEqualTo("pm: 3 findings suppressed by .pm-suppressions.json (--show-suppressed "
                + "lists them)\n");
        assertThat(lint("--suppress-all").err()).contains("holds 3 findings, unchanged");
    }

    @Test
    void editsAboveAndBelowLineMovesAndCrlfDoNotBringAFindingBack() throws Exception {
        lint("--suppress-all");
        String moved = OLD.replace("## Summary\n", "## Summary\n\nA new paragraph.\n\nAnd another.\n")
                + "\nA closing note.\n";
        Files.writeString(file, moved.replace("\n", "\r\n"));
        Cli.Result r = lint();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("3 findings suppressed");
    }

    @Test
    void aNewBlamingSentenceInAnOldFileIsAlwaysReported() throws Exception {
        lint("--suppress-all");
        Files.writeString(file, OLD + "\nMaria should have noticed the page.\n" + BLAME);
        Cli.Result r = lint();
        assertThat(r.code()).isEqualTo(1);
        // a new person's judgment, and a second copy of a suppressed one: the count is what was known
        assertThat(r.out()).contains("\"should have noticed\" judges Maria").contains("\"human error\" is a label")
                .contains("\"should have noticed\" judges Kevin").contains("3 errors");
        assertThat(r.err()).contains("3 findings suppressed");
    }

    @Test
    void suppressRuleRecordsOneRuleAndKeepsTheOthersEntries() throws Exception {
        Cli.Result r = lint("--suppress-rule", "vague-action-item");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("blame-language").doesNotContain("vague-action-item");
        lint("--suppress-rule", "blame-language");
        assertThat(lint().code()).isZero();
        assertThat(Files.readString(repo.resolve(".pm-suppressions.json"))).contains("vague-action-item")
                .contains("blame-language");
    }

    @Test
    void showSuppressedListsThemWithTheirPlaces() throws Exception {
        lint("--suppress-all");
        Cli.Result r = lint("--show-suppressed");
        assertThat(r.err().lines().filter(l -> l.contains(": suppressed "))).hasSize(3)
                .anyMatch(l -> l.matches("postmortems/2024-01-01-old\\.md:\\d+:\\d+: suppressed blame-language .*"));
    }

    @Test
    void aFixedFindingLeavesASuppressionToPruneAndARunSaysSo() throws Exception {
        lint("--suppress-all");
        Files.writeString(file, OLD.replace(BLAME, "\nThe alert went to a muted channel.\n"));
        Cli.Result r = lint();
        assertThat(r.err()).contains("pm: 2 suppressions in .pm-suppressions.json no longer occur; drop them with "
                + "pm lint --prune-suppressions");
        Cli.Result pruned = lint("--prune-suppressions");
        assertThat(pruned.err()).contains("dropped 2 suppressions that no longer occur; .pm-suppressions.json now "
                + "holds 1 finding");
        assertThat(lint().err()).doesNotContain("no longer occur");
    }

    @Test
    void pruningDropsTheEntriesOfAFileThatIsGone() throws Exception {
        lint("--suppress-all");
        Files.delete(file);
        Files.writeString(repo.resolve("postmortems/2025-01-01-new.md"), LintFixture.CLEAN);
        assertThat(lint("--prune-suppressions").err()).contains("dropped 3 suppressions");
        assertThat(Files.readString(repo.resolve(".pm-suppressions.json"))).doesNotContain("old.md");
    }

    @Test
    void theHookAndEveryFormatReadTheSuppressions() throws Exception {
        lint("--suppress-all");
        for (String format : new String[] {"json", "sarif", "github"}) {
            Cli.Result r = lint("--format", format);
            assertThat(r.code()).as(format).isZero();
            assertThat(r.out()).as(format).doesNotContain("should have noticed");
        }
        assertThat(lint("--cache").code()).isZero();
        assertThat(lint("--cache").code()).isZero(); // from the cache, suppressed the same way
    }

    @Test
    void aCorruptOrHandEditedFileIsOneClearLineAndExit2() throws Exception {
        Path json = repo.resolve(".pm-suppressions.json");
        Files.writeString(json, "{\"version\": 1, \"files\": {\"a.md\": {\"blame-language\": {\"count\": 3, "
                + "\"fingerprints\": {\"00ff\": 1}}}}}");
        Cli.Result r = lint();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pm: .pm-suppressions.json: \"a.md\" → \"blame-language\" says count 3 "
                + "but its fingerprints add up to 1; fix it, or delete it and run 'pm lint --suppress-all' to write it "
                + "again");
        Files.write(json, "{\n  \"version\": 1,\n  oops\n}".getBytes(StandardCharsets.UTF_8));
        assertThat(lint().err().strip()).startsWith("pm: .pm-suppressions.json:3: is not valid JSON");
        Files.writeString(json, "[]");
        assertThat(lint().err().strip()).contains("is not a pm suppressions file");
    }

    @Test
    void writingOptionsRefuseWhatWouldNotBeTheWorkingTree() {
        assertThat(lint("--suppress-all", "--staged").code()).isEqualTo(2);
        Cli.Result r = lint("--suppress-rule", "blame");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--suppress-rule 'blame' is not a rule id");
    }
}
