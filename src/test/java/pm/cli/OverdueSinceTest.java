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

/** {@code pm overdue --since DATE|REV}: what was finished and what was re-planned since the last review. */
class OverdueSinceTest {
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

    private String commit(String file, String text, String when, String who) throws Exception {
        Path f = repo.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        git.add().addFilepattern(".").call();
        PersonIdent id = new PersonIdent(who, "x@example.com", Instant.parse(when), ZoneOffset.UTC);
        return git.commit().setMessage("at " + when).setAuthor(id).setCommitter(id).call().abbreviate(12).name();
    }

    private static String pm(String alert, String runbook) {
        return "---\ntitle: A\ndate: 2025-03-01\nstatus: published\nfollow_up_reviewed: 2025-03-02\naction_items:\n"
                + alert + runbook + "---\n\n# A\n";
    }

    private static String item(String title, String due, String status) {
        return "  - title: " + title + "\n    owner: \"@ann\"\n    due: " + due + "\n    status: " + status + "\n";
    }

    @Test
    void listsItemsFinishedSinceADayOrCommitWithWhoAndTheCommitAndDueDatesThatMoved() throws Exception {
        String review = commit("postmortems/a.md", pm(item("Add an alert", "2025-03-05", "open"),
                item("Write a runbook", "2025-03-06", "open")), "2025-03-02T10:00:00Z", "Ann");
        commit("postmortems/a.md", pm(item("Add an alert", "2025-03-12", "open"),
                item("Write a runbook", "2025-03-06", "open")), "2025-03-04T10:00:00Z", "Ann");
        String moved = commit("postmortems/a.md", pm(item("Add an alert", "2025-03-19", "open"),
                item("Write a runbook", "2025-03-06", "open")), "2025-03-11T10:00:00Z", "Ann");
        String done = commit("postmortems/a.md", pm(item("Add an alert", "2025-03-19", "open"),
                item("Write a runbook", "2025-03-06", "done")), "2025-03-12T10:00:00Z", "Bo");

        Cli.Result r = Cli.in(repo).run("overdue", "--since", "2025-03-03");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Finished since 2025-03-03 (1)")
                .contains("2025-03-12  done     Write a runbook  postmortems/a.md:11  by Bo  " + done)
                .contains("Due dates moved since 2025-03-03 (1)")
                .contains("2025-03-05 \u2192 2025-03-19  2 times  Add an alert  postmortems/a.md:7  " + moved);

        JsonNode j = JSON.readTree(Cli.in(repo).run("overdue", "--since", review, "--format", "json").out());
        assertThat(j.get("rows").isArray()).isTrue();
        assertThat(j.get("rows").findValuesAsText("title")).contains("Add an alert"); // due 03-19: late on the 20th
        assertThat(j.get("finished").get(0).get("by").asText()).isEqualTo("Bo");
        assertThat(j.get("moved").get(0).get("times").asInt()).isEqualTo(2);

        JsonNode later = JSON.readTree(Cli.in(repo).run("overdue", "--since", "2025-03-12", "--format", "json").out());
        assertThat(later.get("moved")).isEmpty(); // the moves were before the 12th
        assertThat(later.get("finished")).hasSize(1);

        Cli.Result md = Cli.in(repo).run("overdue", "--since", "2025-03-03", "--format", "markdown");
        assertThat(md.out()).contains("## Finished since 2025-03-03 (1)")
                .contains("| 2025-03-12 | done | Write a runbook | postmortems/a.md:11 | Bo | " + done + " |");
    }

    @Test
    void withoutSinceTheReportIsUnchangedAndBadSinceExitsTwo() throws Exception {
        commit("postmortems/a.md", pm(item("Add an alert", "2025-03-05", "open"), ""), "2025-03-02T10:00:00Z", "Ann");
        Cli.Result plain = Cli.in(repo).run("overdue", "--format", "json");
        assertThat(JSON.readTree(plain.out()).isArray()).isTrue();
        assertThat(plain.out()).doesNotContain("Finished since");

        Cli.Result bad = Cli.in(repo).run("overdue", "--since", "last-tuesday");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--since 'last-tuesday' is neither a day").doesNotContain("Exception");
        assertThat(Cli.in(repo).run("overdue", "--since", "2025-03-01", "--no-git").code()).isEqualTo(2);
        assertThat(Cli.in(repo).run("overdue", "--since", "2025-03-01", "--format", "csv").err())
                .contains("use --format json");
    }
}
