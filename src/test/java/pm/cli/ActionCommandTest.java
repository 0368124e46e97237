package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;

/** pm action: each verb with good and bad ITEMs, byte-for-byte around the edit, and two edits at once. */
class ActionCommandTest {
    private static final String A = """
            ---
            title: Disk full
            date: 2025-03-14
            severity: SEV2
            status: published
            services: [db]
            action_items:
              # the big one
              - title: Add a disk alert
                owner: '@maria'   # she offered
                due: 2025-04-01
                priority: P1
              - title: "Rotate the logs"
                owner: "@sam"
                id: rotate
            ---

            # Disk full

            ## Action items

            | Action item | Owner | Due | Priority | Status |
            |---|---|---|---|---|
            | Add a disk alert | @maria | 2025-04-01 | P1 | |
            | Rotate the logs | @sam | | | |

            ## Lessons learned

            Watch the disks. <!-- keep this -->
            """;
    private static final String B = """
            ---
            title: Queue stuck
            date: 2025-02-01
            severity: SEV3
            services: [queue]
            action_items:
              - title: Add a queue depth alert
                owner: "@lee"
                status: done
            ---

            # Queue stuck

            ## Action items

            - [ ] Add a queue depth alert
            - [ ] Drain the dead-letter queue weekly (@jo)
            """;

    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        a = dir.resolve("postmortems/a.md");
        b = dir.resolve("postmortems/b.md");
        Files.writeString(a, A);
        Files.writeString(b, B);
    }

    private Cli.Result run(String... args) {
        return Cli.in(dir).run(args);
    }

    @Test
    void listShowsEveryItemUnfinishedFirstWithBodyOnlyItemsMarked() {
        Cli.Result r = run("action", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                ITEM                STATUS  DUE         PRIORITY  OWNER   TITLE
                postmortems/a.md#1  open    2025-04-01  P1        @maria  Add a disk alert
                postmortems/a.md#2  open    -           -         @sam    Rotate the logs
                postmortems/b.md    open    -           -         @jo     Drain the dead-letter queue weekly  [body only, line 17: not in the front matter; pm lint --fix adds it]
                postmortems/b.md#1  done    -           -         @lee    Add a queue depth alert
                4 action items, 3 unfinished
                """);
        assertThat(run("action", "list", "--owner", "sam").out()).contains("Rotate the logs")
                .doesNotContain("disk alert");
        assertThat(run("action", "list", "--service", "queue", "--status", "done").out())
                .contains("Add a queue depth alert").doesNotContain("Drain");
        assertThat(run("action", "list", "--status", "later").err()).contains("--status 'later' is not one of");
    }

    @Test
    void doneStartReopenEditTheFrontMatterAndTheTableAndNothingElse() throws Exception {
        Cli.Result r = run("action", "done", "postmortems/a.md#1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("postmortems/a.md#1 'Add a disk alert': status (none) → done\n");
        String text = Files.readString(a);
        assertThat(text).startsWith(A.substring(0, A.indexOf("  - title: \"Rotate")).replace("    priority: P1\n",
                "    priority: P1\n    status: done\n"));
        assertThat(text).contains("| Add a disk alert | @maria | 2025-04-01 | P1       | done   |")
                .endsWith(A.substring(A.indexOf("\n## Lessons learned")));
        assertThat(run("action", "start", "postmortems/a.md#rotate").out())
                .isEqualTo("postmortems/a.md#2 'Rotate the logs': status (none) → in-progress\n");
        assertThat(run("action", "reopen", "disk ALERT").out())
                .isEqualTo("postmortems/a.md#1 'Add a disk alert': status done → open\n");
        assertThat(Files.readString(a)).contains("    status: open\n").contains("  - title: \"Rotate the logs\"\n"
                + "    owner: \"@sam\"\n    id: rotate\n    status: in-progress\n");
    }

    @Test
    void setKeepsTheFirstDueDateAndQuotesAnOwner() throws Exception {
        Cli.Result r = run("action", "set", "disk alert", "--due", "2025-05-02", "--owner", "@lee", "--priority",
                "p0", "--link", "https://t/PAY-1");
        assertThat(r.out()).isEqualTo("postmortems/a.md#1 'Add a disk alert': owner @maria → @lee, due 2025-04-01 → "
                + "2025-05-02 (first_due 2025-04-01 kept), priority P1 → P0, link (none) → https://t/PAY-1\n");
        assertThat(Files.readString(a)).contains("""
                    owner: '@lee'   # she offered
                    due: 2025-05-02
                    priority: P0
                    first_due: 2025-04-01
                    link: https://t/PAY-1
                """);
        run("action", "set", "disk alert", "--due", "2025-06-01");
        assertThat(Files.readString(a)).contains("first_due: 2025-04-01\n").doesNotContain("2025-05-02");
        assertThat(run("action", "set", "disk alert").err()).contains("nothing to set");
        assertThat(run("action", "set", "disk alert", "--due", "2025-13-01").code()).isEqualTo(2);
    }

    @Test
    void addAndCancel() throws Exception {
        Cli.Result r = run("action", "add", "postmortems/a.md", "Page on disk growth", "--owner", "@jo", "--due",
                "2025-04-20", "--priority", "P2");
        assertThat(r.out()).isEqualTo("postmortems/a.md#3 + 'Page on disk growth' (owner @jo, due 2025-04-20, "
                + "priority P2)\n");
        assertThat(Files.readString(a)).contains("    id: rotate\n  - title: Page on disk growth\n    owner: \"@jo\"\n"
                + "    due: 2025-04-20\n    priority: P2\n---\n").contains("| Page on disk growth | @jo ");
        assertThat(run("action", "add", "postmortems/a.md", "page on disk growth.").err()).contains("already has");
        Cli.Result c = run("action", "cancel", "disk growth", "--reason", "Superseded: the new volumes autoscale");
        assertThat(c.out()).contains("status (none) → wont-do, reason: Superseded: the new volumes autoscale");
        assertThat(Files.readString(a)).contains("    status: wont-do\n    reason: \"Superseded: the new volumes "
                + "autoscale\"\n");
        assertThat(run("action", "cancel", "disk growth").code()).isEqualTo(2);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Cli.Result r = run("action", "done", "disk alert", "--dry-run");
        assertThat(r.out()).isEqualTo("postmortems/a.md#1 'Add a disk alert': status (none) → done  (dry run: nothing "
                + "written)\n");
        assertThat(Files.readString(a)).isEqualTo(A);
    }

    @Test
    void badItemsSayWhatToDo() throws Exception {
        Cli.Result amb = run("action", "done", "alert");
        assertThat(amb.code()).isEqualTo(2);
        assertThat(amb.err()).isEqualTo("pm: 'alert' matches 2 action items; name one as FILE#N:\n"
                + "  postmortems/a.md#1  Add a disk alert\n  postmortems/b.md#1  Add a queue depth alert\n");
        assertThat(run("action", "done", "postmortems/a.md#7").err()).contains("has 2 action items in its front "
                + "matter, so there is no #7");
        assertThat(run("action", "done", "postmortems/a.md#nope").err()).contains("no action item has 'id: nope'");
        assertThat(run("action", "done", "postmortems/zz.md#1").err()).contains("no such file");
        assertThat(run("action", "done", "no such thing").err()).contains("no action item's title contains");
        Cli.Result body = run("action", "done", "dead-letter");
        assertThat(body.code()).isEqualTo(2);
        assertThat(body.err()).contains("is only in the body; run 'pm lint --fix postmortems/b.md'");
        assertThat(Files.readString(a)).isEqualTo(A);
        assertThat(Files.readString(b)).isEqualTo(B);
        assertThat(run("action").code()).isEqualTo(2);
    }

    @Test
    void twoEditsOfOneFileAtOnceBothLand() throws Exception {
        for (int round = 0; round < 5; round++) {
            Files.writeString(a, A);
            CountDownLatch go = new CountDownLatch(1);
            List<Cli.Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread t1 = new Thread(() -> {
                await(go);
                results.add(run("action", "done", "postmortems/a.md#1"));
            });
            Thread t2 = new Thread(() -> {
                await(go);
                results.add(run("action", "set", "postmortems/a.md#rotate", "--priority", "P3"));
            });
            t1.start();
            t2.start();
            go.countDown();
            t1.join();
            t2.join();
            assertThat(results).allSatisfy(r -> assertThat(r.code()).as(r.toString()).isZero());
            String text = Files.readString(a);
            assertThat(text).contains("    priority: P1\n    status: done\n").contains("    id: rotate\n    priority: P3\n");
            assertThat(text).contains("| Rotate the logs  | @sam   |            | P3       |        |");
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
