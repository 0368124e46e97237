package pm.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.PostmortemText;
import pm.testing.TempGit;

/**
 * The hidden temporary file a killed pm leaves next to a postmortem ({@code .a.md.pm-<12 letters>.tmp}, the whole
 * or half of a postmortem) is never read as a postmortem: not by lint, not by overdue, not even once
 * {@code git add -A} has staged it. (The next write into its folder removes it: see pm.io.AtomicFilesKillTest.)
 */
class LeftoverTemporaryFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    private static List<String> titles(Cli.Result r) throws Exception {
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        List<String> out = new ArrayList<>();
        JSON.readTree(r.out()).forEach(n -> out.add(n.get("title").asText()));
        return out;
    }

    @Test
    void lintAndOverdueNeverReadPmsLeftoverTemporaryFile() throws Exception {
        try (Git git = TempGit.init(repo, "Ada")) {
            Path dir = Files.createDirectories(repo.resolve("postmortems"));
            Files.writeString(dir.resolve("a.md"), PostmortemText.of("Kept", "2025-01-10")
                    .with("follow_up_reviewed", "2025-02-10")
                    .item("Kept item", "@ann", "2025-03-01", "P1", "open").toString());
            String leftover = ".a.md.pm-0123456789ab.tmp";
            Files.writeString(dir.resolve(leftover), PostmortemText.of("Leftover", "2025-01-10")
                    .item("Leftover item", "@bob", "2025-03-01", "P1", "open").toString()
                    + "\nIt was human error: Bob broke it.\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the postmortem, and (as git add -A would) the leftover").call();

            Cli.Result lint = Cli.in(repo).run("lint");
            assertThat(lint.out() + lint.err()).as(lint.toString()).doesNotContain(leftover)
                    .doesNotContain("human error");
            assertThat(lint.out()).endsWith(" in 1 of 1 file\n" + pm.report.Report.TEXT_FOOTER + "\n");
            Cli.Result staged = Cli.in(repo).run("lint", "--staged", "--format", "json");
            assertThat(staged.out() + staged.err()).as(staged.toString()).doesNotContain(leftover);
            Cli.Result rev = Cli.in(repo).run("lint", "--rev", "HEAD");
            assertThat(rev.out() + rev.err()).as(rev.toString()).doesNotContain(leftover).endsWith(" in 1 of 1 file\n" + pm.report.Report.TEXT_FOOTER + "\n");

            assertThat(titles(Cli.in(repo).run("overdue", "--format", "json"))).containsExactly("Kept item");
            assertThat(titles(Cli.in(repo).run("overdue", "--format", "json", "--include-untracked")))
                    .containsExactly("Kept item");
            assertThat(titles(Cli.in(repo).run("overdue", "--no-git", "--format", "json"))).containsExactly("Kept item");
            assertThat(titles(Cli.in(repo).run("overdue", "--rev", "HEAD", "--format", "json")))
                    .containsExactly("Kept item");
        }
    }
}
