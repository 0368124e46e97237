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

/** pm lint --staged in a real repository whose staged and working copies differ. */
class StagedLintTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read", "It was human error. The "
            + "archiver read");

    @TempDir
    Path repo;

    private Git git;

    @BeforeEach
    void init() throws Exception {
        git = TempGit.init(repo, "Ada");
    }

    private void write(String path, String text) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void stage(String path, String text) throws Exception {
        write(path, text);
        git.add().addFilepattern(path).call();
    }

    @Test
    void lintsTheStagedContentNotTheWorkingTree() throws Exception {
        stage("postmortems/a.md", BLAMING);
        write("postmortems/a.md", LintFixture.CLEAN); // fixed in the working tree, but not staged
        Cli.Result r = Cli.in(repo).run("lint", "--staged");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).startsWith("postmortems/a.md:" + LintFixture.lineOf(BLAMING, "human error") + ":8: error "
                + "blame-language");

        stage("postmortems/b.md", LintFixture.CLEAN);
        write("postmortems/b.md", BLAMING); // broken in the working tree only
        git.add().addFilepattern("postmortems/a.md").call();
        Cli.Result clean = Cli.in(repo).run("lint", "--staged");
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(clean.out()).isEqualTo("2 files checked: no problems found\n");
    }

    @Test
    void onlyFilesThatDifferFromHeadUnderThePostmortemsDirectoryAreLinted() throws Exception {
        stage("postmortems/old.md", BLAMING);
        stage("README.md", BLAMING);
        git.commit().setMessage("old").call();
        stage("postmortems/new.md", BLAMING);
        stage("docs/other.md", BLAMING);
        Cli.Result r = Cli.in(repo).run("lint", "--staged");
        assertThat(r.out()).contains("postmortems/new.md:").doesNotContain("old.md").doesNotContain("other.md")
                .endsWith("1 error in 1 of 1 file\n" + pm.report.Report.TEXT_FOOTER + "\n");
        assertThat(Cli.in(repo).run("lint", "--staged", "docs").out()).contains("docs/other.md:")
                .doesNotContain("new.md");
        git.rm().addFilepattern("postmortems/old.md").call(); // a staged deletion is nothing to lint
        assertThat(Cli.in(repo).run("lint", "--staged").out()).doesNotContain("old.md");
    }

    @Test
    void honoursGitIndexFileAsGitCommitWithPathsSetsIt() throws Exception {
        stage("postmortems/a.md", LintFixture.CLEAN);
        Files.copy(repo.resolve(".git/index"), repo.resolve(".git/alt-index"));
        stage("postmortems/a.md", BLAMING);
        assertThat(Cli.in(repo).run("lint", "--staged").code()).isEqualTo(1);
        Cli.Result alt = Cli.in(repo).env("GIT_INDEX_FILE", ".git/alt-index").run("lint", "--staged");
        assertThat(alt.code()).as(alt.toString()).isZero();
        assertThat(alt.out()).isEqualTo("1 file checked: no problems found\n");
        Cli.Result abs = Cli.in(repo).env("GIT_INDEX_FILE", repo.resolve(".git/alt-index").toString())
                .run("lint", "--staged");
        assertThat(abs.code()).isZero();
    }

    @Test
    void aStagedFileThatIsNotUtf8IsReportedAndExitsTwo() throws Exception {
        Files.createDirectories(repo.resolve("postmortems"));
        Files.write(repo.resolve("postmortems/bad.md"), new byte[] {'#', ' ', (byte) 0xFF, '\n'});
        git.add().addFilepattern("postmortems/bad.md").call();
        stage("postmortems/good.md", BLAMING);
        Cli.Result r = Cli.in(repo).run("lint", "--staged");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: postmortems/bad.md:1: is not valid UTF-8");
        assertThat(r.out()).contains("postmortems/good.md:");
    }

    @Test
    void outsideARepositoryItSaysSo(@TempDir Path plain) {
        Cli.Result r = Cli.in(plain).run("lint", "--staged");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: not in a git repository: --staged reads the git index");
    }
}
