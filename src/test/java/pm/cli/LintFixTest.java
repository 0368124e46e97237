package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;
import pm.testing.TempGit;

/** pm lint --fix rewrites the Action items table from the front matter and touches nothing else. */
class LintFixTest {
    private static final String ROW = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | "
            + "2025-03-28 | P1 | open |";
    private static final String TABLE = "| Action item | Owner | Due | Priority | Status |\n"
            + "|-------------|-------|-----|----------|--------|\n" + ROW + "\n";
    private static final String SECOND_ITEM = """
              - title: Move WAL archiving retries behind a circuit breaker
                owner: "@sam"
                due: 2025-04-11
                priority: P2
            """;
    /** The clean file with a second front-matter item the table does not have yet. */
    private static final String BEHIND = LintFixture.CLEAN.replace("    status: open\n", "    status: open\n"
            + SECOND_ITEM);
    private static final String FIXED_TABLE = """
            | Action item                                                       | Owner  | Due        | Priority | Status |
            |-------------------------------------------------------------------|--------|------------|----------|--------|
            | Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1       | open   |
            | Move WAL archiving retries behind a circuit breaker               | @sam   | 2025-04-11 | P2       |        |
            """;

    /** What --fix says when it gives BEHIND's two items their ids (#18 part 5). */
    private static final String GAVE_IDS = "gave 2 items ids (alert-when-the-pg-wal-volume-passes-80, "
            + "move-wal-archiving-retries-behind-a); ";

    /** BEHIND's (or a variant's) items with the ids --fix gives them, made from their titles. */
    private static String ided(String text) {
        return text.replace("    status: open\n", "    status: open\n    id: alert-when-the-pg-wal-volume-passes-80\n")
                .replace("    priority: P2\n", "    priority: P2\n    id: move-wal-archiving-retries-behind-a\n");
    }

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(byte[] bytes) throws Exception {
        Path p = dir.resolve("postmortems/a.md");
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    @Test
    void rewritesTheTableFromTheFrontMatterAndEveryOtherByteStays() throws Exception {
        assertThat(LintFixture.of("action-items-out-of-sync", BEHIND)).hasSize(1);
        Path p = file(BEHIND);
        Cli.Result r = Cli.in(dir).run("lint", "--fix");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("postmortems/a.md: " + GAVE_IDS + "rewrote the Action items table from the front matter\n");
        assertThat(r.out()).isEqualTo("1 file checked: no problems found\n"); // linted as fixed
        assertThat(Files.readString(p)).isEqualTo(ided(BEHIND).replace(TABLE, FIXED_TABLE));
    }

    @Test
    void keepsCrlfLineEndingsAndTheByteOrderMark() throws Exception {
        byte[] before = ("\uFEFF" + BEHIND.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path p = file(before);
        assertThat(Cli.in(dir).run("lint", "--fix").code()).isZero();
        byte[] expected = ("\uFEFF" + ided(BEHIND).replace(TABLE, FIXED_TABLE).replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(p)).isEqualTo(expected);
    }

    @Test
    void aFileThatIsAlreadyInStepIsNotWritten() throws Exception {
        String inStep = LintFixture.CLEAN.replace("    status: open\n", "    status: open\n    id: pg-wal-alert\n");
        Path p = file(inStep);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0));
        Cli.Result r = Cli.in(dir).run("lint", "--fix");
        assertThat(r.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(p).toMillis()).isZero();
        assertThat(Files.readString(p)).isEqualTo(inStep);
    }

    @Test
    void createsTheTableInAnActionItemsSectionThatHasOnlyItsPrompt() throws Exception {
        String prompt = "<!-- Every action item has an owner. -->\n";
        String without = BEHIND.replace(TABLE, prompt);
        Path p = file(without);
        assertThat(Cli.in(dir).run("lint", "--fix").code()).isZero();
        assertThat(Files.readString(p)).isEqualTo(ided(without).replace(prompt, prompt.strip() + "\n\n" + FIXED_TABLE));

        String empty = BEHIND.replace(TABLE + "\n", "");
        file(empty);
        assertThat(Cli.in(dir).run("lint", "--fix").code()).isZero();
        assertThat(Files.readString(p)).isEqualTo(ided(empty).replace("## Action items\n", "## Action items\n\n"
                + FIXED_TABLE));
    }

    @Test
    void refusesRatherThanDropRowsColumnsOrAList() throws Exception {
        // a row only the body has is no longer refused (issue 18): it is added to the front matter, then the table is
        // written from it
        String extraRow = BEHIND.replace(ROW, ROW + "\n| Add a disk alert | @lee | 2025-05-01 | P2 | |");
        Path p = file(extraRow);
        Cli.Result r = Cli.in(dir).run("lint", "--fix");
        assertThat(r.err()).isEqualTo("postmortems/a.md: added 1 item from the body to the front matter ('Add a disk "
                + "alert'); gave 3 items ids (alert-when-the-pg-wal-volume-passes-80, move-wal-archiving-retries-behind-a, "
                + "add-a-disk-alert); rewrote the Action items table from the front matter\n");
        assertThat(Files.readString(p)).contains(ided(SECOND_ITEM) + "  - title: Add a disk alert\n    owner: \"@lee\"\n"
                + "    due: 2025-05-01\n    priority: P2\n    id: add-a-disk-alert\n---\n")
                .contains("| Add a disk alert                                                  | @lee   | 2025-05-01 | P2"
                        + "       |        |\n");

        String extraColumn = BEHIND.replace(TABLE, "| Action item | Owner | Due | Priority | Status | Notes |\n"
                + "|---|---|---|---|---|---|\n" + ROW.replace("open |", "open | see PAY-1 |") + "\n");
        file(extraColumn);
        assertThat(Cli.in(dir).run("lint", "--fix").err()).contains("has 6 columns and --fix writes 5");
        assertThat(Files.readString(p)).isEqualTo(ided(extraColumn)); // the ids are given all the same

        String list = BEHIND.replace(TABLE, "- Alert when the pg_wal volume passes 80% on every Postgres primary\n");
        file(list);
        assertThat(Cli.in(dir).run("lint", "--fix").err()).contains("the action items are written as a list");
        assertThat(Files.readString(p)).isEqualTo(ided(list));
    }

    @Test
    void aLinkColumnIsWrittenWhenAnItemHasALink() throws Exception {
        String linked = BEHIND.replace("    priority: P2\n", "    priority: P2\n    link: https://tracker/PAY-9\n");
        Path p = file(linked);
        Cli.in(dir).run("lint", "--fix");
        assertThat(Files.readString(p)).contains("| Status | Link                  |\n")
                .contains("| P2       |        | https://tracker/PAY-9 |\n");
    }

    @Test
    void aLinkIsWrittenThroughToItsFileInsideTheRepositoryAndStaysALink() throws Exception {
        TempGit.init(dir, "Ada").close();
        Path real = Files.createDirectories(dir.resolve("docs")).resolve("real.md");
        Files.writeString(real, BEHIND);
        Path link = Files.createDirectories(dir.resolve("postmortems")).resolve("a.md");
        Files.createSymbolicLink(link, Path.of("../docs/real.md"));

        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("postmortems/a.md: " + GAVE_IDS + "rewrote the Action items table from the front matter, in "
                + "docs/real.md (where the link leads)\n");
        assertThat(r.out()).isEqualTo("1 file checked: no problems found\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../docs/real.md"));
        assertThat(Files.readString(real)).isEqualTo(ided(BEHIND).replace(TABLE, FIXED_TABLE));
        try (Stream<Path> files = Files.list(dir.resolve("postmortems"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.md");
        }
    }

    @Test
    void aLinkFoundInTheFolderBeforeItsFileIsWrittenThroughAndTheFileIsThenInStep() throws Exception {
        Path real = Files.createDirectories(dir.resolve("postmortems/2025")).resolve("real.md");
        Files.writeString(real, BEHIND);
        Path link = Files.createSymbolicLink(dir.resolve("postmortems/0-latest.md"), Path.of("2025/real.md"));

        Cli.Result r = Cli.in(dir).run("lint", "--fix");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("postmortems/0-latest.md: " + GAVE_IDS + "rewrote the Action items table from the front matter, "
                + "in postmortems/2025/real.md (where the link leads)\n");
        assertThat(r.out()).isEqualTo("2 files checked: no problems found\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(ided(BEHIND).replace(TABLE, FIXED_TABLE));
    }

    @Test
    void aLinkToAFileOutsideTheRepositoryIsLeftAloneWithOneLineAndItsFindingsStillShown(@TempDir Path elsewhere)
            throws Exception {
        TempGit.init(dir, "Ada").close();
        Path outside = Files.writeString(elsewhere.resolve("shared.md"), BEHIND);
        Path link = Files.createDirectories(dir.resolve("postmortems")).resolve("a.md");
        Files.createSymbolicLink(link, outside);

        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");

        assertThat(r.err()).isEqualTo("postmortems/a.md: --fix left the file alone: it is a symbolic link to "
                + outside.toRealPath() + ", outside the repository; run pm lint --fix on that file where it lives\n");
        assertThat(r.out()).contains("postmortems/a.md:").contains("action-items-out-of-sync");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(outside)).isEqualTo(BEHIND);
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shared.md");
        }
    }

    @Test
    void fixesTheYamlSlipsPeopleMakeAndEveryOtherByteStays() throws Exception {
        String slipped = BEHIND.replace("owner: \"@sam\"", "owner: @sam").replace("due: 2025-04-11", "due: 2025-4-11");
        assertThat(slipped).isNotEqualTo(BEHIND);
        byte[] before = ("\uFEFF" + slipped.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path p = file(before);
        Cli.Result lint = Cli.in(dir).run("lint");
        assertThat(lint.out()).contains("quote it: owner: \"@sam\" ('pm lint --fix' does it)");
        Cli.Result r = Cli.in(dir).run("lint", "--fix");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("fixed the front matter's YAML (line ").contains("owner: \"@sam\"")
                .contains("due: 2025-04-11").contains("rewrote the Action items table from the front matter");
        byte[] expected = ("\uFEFF" + ided(BEHIND).replace(TABLE, FIXED_TABLE).replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(p)).isEqualTo(expected);
    }

    @Test
    void leavesYamlAloneWhenItsFixWouldNotRead() throws Exception {
        String broken = LintFixture.CLEAN.replace("title: Payment", "owner: @sam\nsummary: [unclosed\ntitle: Payment");
        Path p = file(broken);
        Cli.Result r = Cli.in(dir).run("lint", "--fix");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("front matter YAML, once the slips above are fixed:");
        assertThat(Files.readString(p)).isEqualTo(broken);
    }
}
