package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;
import pm.testing.TempGit;

/** {@code pm lint --rev REV}: the postmortems as committed at REV, whatever the working tree holds now. */
class RevisionLintTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read credentials",
            "It was human error. The archiver read credentials");

    @TempDir
    Path repo;

    private Git git;

    @BeforeEach
    void commitOneBlamingAndOneCleanPostmortem() throws Exception {
        git = TempGit.init(repo, "Ada");
        write("postmortems/a.md", BLAMING);
        write("postmortems/b.markdown", LintFixture.CLEAN);
        write("notes/c.md", BLAMING);
        git.add().addFilepattern(".").call();
        git.commit().setMessage("one").setSign(false).call();
    }

    private void write(String name, String text) throws Exception {
        Path p = repo.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void lintsTheFilesAsCommittedNotAsTheyAreOnDisk() throws Exception {
        write("postmortems/a.md", LintFixture.CLEAN); // fixed on disk, not committed
        Files.delete(repo.resolve("postmortems/b.markdown"));
        Cli.Result atHead = Cli.in(repo).run("lint", "--rev", "HEAD");
        assertThat(atHead.code()).as(atHead.toString()).isEqualTo(1);
        assertThat(atHead.out()).startsWith("postmortems/a.md:").contains(" error blame-language ")
                .doesNotContain("notes/").endsWith("1 error in 1 of 2 files\n" + pm.report.Report.TEXT_FOOTER + "\n");
        assertThat(Cli.in(repo).run("lint").code()).as("the working tree is clean").isZero();
    }

    @Test
    void namedPathsAreReadAtTheRevisionToo() throws Exception {
        Files.delete(repo.resolve("notes/c.md"));
        Cli.Result r = Cli.in(repo).run("lint", "--rev", "main", "--format", "json", "notes");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("{\"file\": \"notes/c.md\", \"line\": 36");
    }

    @Test
    void aPathTheRevisionDoesNotHaveIsNamedAndExits2() {
        Cli.Result r = Cli.in(repo).run("lint", "--rev", "HEAD", "nowhere/x.md");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pm: nowhere/x.md: no such file or directory at HEAD\n");
    }

    @Test
    void anUnknownRevisionOrAWrongCombinationIsAUsageError() {
        Cli.Result unknown = Cli.in(repo).run("lint", "--rev", "no-such-branch");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("pm: --rev 'no-such-branch' is not a revision in this repository; name a "
                + "branch, tag or commit (see git log)\n");
        assertThat(unknown.out()).isEmpty();
        Cli.Result staged = Cli.in(repo).run("lint", "--rev", "HEAD", "--staged");
        assertThat(staged.code()).isEqualTo(2);
        assertThat(staged.err()).startsWith("pm lint: --rev cannot be used with --staged");
        assertThat(Cli.in(repo).run("lint", "--rev", "HEAD", "--fix").err())
                .startsWith("pm lint: --rev cannot be used with --fix");
    }

    @Test
    void outsideARepositoryItSaysSo(@TempDir Path plain) throws Exception {
        Files.createDirectories(plain.resolve("postmortems"));
        Cli.Result r = Cli.in(plain).run("lint", "--rev", "HEAD");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: ").contains("not inside a git repository; --rev reads a revision");
    }
}
