package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;

/** pm lint and pm lint --fix over the front matter's action_items and the body's table and list, both ways. */
class ActionSyncTest {
    private static final String FRONT = """
            ---
            title: Disk full
            date: 2025-03-14
            severity: SEV2
            status: published
            authors: [Maria]
            services: [db]
            action_items:
              # the big one
              - title: Add a disk alert
                owner: '@maria'   # she offered
                due: 2025-04-01
                priority: P1
                id: disk-alert
            ---
            """;
    private static final String ROW_DONE = "| Add a disk alert | @maria | 2025-04-01 | P1 | done |";

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path p = dir.resolve("postmortems/a.md");
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String withBody(String front, String actionItems) {
        return LintFixture.CLEAN.substring(0, 0) + front + "\n# Disk full\n\n## Action items\n\n" + actionItems
                + "\n## Lessons learned\n\nWatch the disks.\n";
    }

    private static String table(String... rows) {
        return "| Action item | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n" + String.join("\n", rows)
                + "\n";
    }

    @Test
    void aStatusSetOnlyInTheBodyIsReportedAndCopiedToTheFrontMatter() throws Exception {
        Path p = file(withBody(FRONT, table(ROW_DONE)));
        Cli.Result lint = Cli.in(dir).run("lint", "postmortems/a.md");
        assertThat(lint.out()).contains("action-items-out-of-sync action item 'Add a disk alert': status is not set "
                + "in the front matter but 'done' in the action-item table; run 'pm lint --fix' to copy it");
        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(r.err()).startsWith("postmortems/a.md: copied status of 'Add a disk alert' from the body to the "
                + "front matter");
        // every other byte of the front matter stays: the comments, the single quotes
        assertThat(Files.readString(p)).startsWith(FRONT.replace("    id: disk-alert\n",
                "    id: disk-alert\n    status: done\n"));
        assertThat(Cli.in(dir).run("lint", "postmortems/a.md").out()).doesNotContain("out-of-sync");
    }

    @Test
    void conflictingValuesLeaveTheItemAloneAndSayWhichUntilPreferChooses() throws Exception {
        String front = FRONT.replace("    priority: P1\n", "    priority: P1\n    status: open\n");
        String text = withBody(front, table(ROW_DONE.replace("@maria", "@sam")));
        Path p = file(text);
        Cli.Result lint = Cli.in(dir).run("lint", "postmortems/a.md");
        assertThat(lint.out()).contains("owner is '@maria' in the front matter but '@sam' in the action-item table")
                .contains("status is 'open' in the front matter but 'done' in the action-item table");
        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(r.err()).isEqualTo("postmortems/a.md: --fix left the file alone: conflicting values for 'Add a disk"
                + " alert' (line 24): owner is '@maria' in the front matter but '@sam' in the action-item table, status "
                + "is 'open' in the front matter but 'done' in the action-item table; run pm lint --fix --prefer body or "
                + "--prefer front-matter to choose\n");
        assertThat(Files.readString(p)).isEqualTo(text);

        Cli.Result body = Cli.in(dir).run("lint", "--fix", "--prefer", "body", "postmortems/a.md");
        assertThat(body.err()).contains("copied owner, status of 'Add a disk alert'");
        assertThat(Files.readString(p)).startsWith(front.replace("'@maria'", "'@sam'")
                .replace("status: open", "status: done"));

        file(text);
        Cli.in(dir).run("lint", "--fix", "--prefer", "front-matter", "postmortems/a.md");
        assertThat(Files.readString(p)).startsWith(front).contains("| @maria | 2025-04-01 | P1       | open   |");
    }

    @Test
    void rowsAndListItemsOnlyTheBodyHasGoIntoTheFrontMatter() throws Exception {
        Path p = file(withBody(FRONT, table("| Add a disk alert | @maria | 2025-04-01 | P1 | |",
                "| Rotate the logs | @lee | 2025-05-01 | P2 | open |")));
        Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(Files.readString(p)).contains("    id: disk-alert\n  - title: Rotate the logs\n    owner: \"@lee\"\n"
                + "    due: 2025-05-01\n    priority: P2\n    status: open\n    id: rotate-the-logs\n---\n");

        String list = "- [ ] Add a disk alert\n- [x] Page on disk growth (owner: @jo, due 2025-05-02)\n";
        p = file(withBody(FRONT, list));
        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(r.err()).contains("added 1 item from the body to the front matter ('Page on disk growth')");
        assertThat(Files.readString(p)).contains("  - title: Page on disk growth\n    owner: \"@jo\"\n"
                + "    due: 2025-05-02\n    status: done\n    id: page-on-disk-growth\n---\n").contains(list);
    }

    @Test
    void frontMatterItemsAndFieldsGoIntoTheTable() throws Exception {
        Path p = file(withBody(FRONT, table("| Add a disk alert | | | | |")));
        Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(Files.readString(p)).startsWith(FRONT).contains("| Add a disk alert | @maria | 2025-04-01 | P1"
                + "       |        |");
    }

    @Test
    void theOldRuleIdStillWorksInPmYmlAndInComments() throws Exception {
        file(withBody(FRONT, table(ROW_DONE)));
        Files.writeString(dir.resolve(".pm.yml"), "lint:\n  rules:\n    action-items-untracked: off\n");
        assertThat(Cli.in(dir).run("lint", "postmortems/a.md").out()).doesNotContain("out-of-sync");
        Files.delete(dir.resolve(".pm.yml"));
        file(withBody(FRONT, "<!-- pm-disable action-items-untracked -->\n" + table(ROW_DONE)));
        String out = Cli.in(dir).run("lint", "postmortems/a.md").out();
        assertThat(out).doesNotContain("out-of-sync");
    }

    @Test
    void preferWithoutFixOrWithAnUnknownSideIsAUsageError() throws Exception {
        file(withBody(FRONT, table(ROW_DONE)));
        Cli.Result r = Cli.in(dir).run("lint", "--prefer", "body");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--prefer only chooses for --fix");
        assertThat(Cli.in(dir).run("lint", "--fix", "--prefer", "mine").err()).contains("use body or front-matter");
        assertThat(StandardCharsets.UTF_8).isNotNull();
    }

    @Test
    void itemsWithoutAnIdGetOneFromTheTitleUniqueInTheFile() throws Exception {
        String front = FRONT.replace("    id: disk-alert\n---\n", "  - title: Add a disk alert!\n"
                + "    id: add-a-disk-alert-2\n---\n");
        Path p = file(withBody(front, table("| Add a disk alert | @maria | 2025-04-01 | P1 | |")));
        Cli.Result r = Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        String text = Files.readString(p);
        assertThat(r.err()).as(text).contains("gave an item an id (add-a-disk-alert)");
        assertThat(text).contains("    priority: P1\n    id: add-a-disk-alert\n  - title: Add a disk alert!\n"
                + "    id: add-a-disk-alert-2\n");
        assertThat(pm.lint.ActionSyncFix.idOf("A very long title that goes on and on about disks, volumes and alerts"))
                .isEqualTo("a-very-long-title-that-goes-on-and-on");
        assertThat(pm.lint.ActionSyncFix.idOf("!!")).isEqualTo("item");
        String twice = FRONT.replace("    id: disk-alert\n", "    id: add-a-disk-alert\n  - title: Add a disk alert\n");
        p = file(withBody(twice, ""));
        Cli.in(dir).run("lint", "--fix", "postmortems/a.md");
        assertThat(Files.readString(p)).contains("  - title: Add a disk alert\n    id: add-a-disk-alert-2\n");
    }
}
