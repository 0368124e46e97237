package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;

/** {@code pm lint --cache}: findings reused for unchanged files, never a stale one. */
class LintCacheTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read credentials",
            "It was human error. The archiver read credentials");

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Cli.Result lint(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "lint";
        args[1] = "--cache";
        System.arraycopy(more, 0, args, 2, more.length);
        return Cli.in(dir).run(args);
    }

    @Test
    void aSecondRunReportsExactlyWhatTheFirstDidFromTheCache() throws Exception {
        write("postmortems/a.md", BLAMING);
        write("postmortems/b.md", LintFixture.CLEAN);
        Cli.Result first = lint();
        assertThat(dir.resolve(".pm-cache")).isRegularFile();
        String cache = Files.readString(dir.resolve(".pm-cache"));
        assertThat(cache).contains("human error");
        Cli.Result second = lint("--format", "json");
        Cli.Result json = Cli.in(dir).run("lint", "--format", "json");
        assertThat(second).isEqualTo(json);
        assertThat(lint()).isEqualTo(first);
        assertThat(first.code()).isEqualTo(1);
    }

    @Test
    void aRunThatChangesNothingLeavesTheCacheFileAloneAndOneThatDoesRewritesIt() throws Exception {
        write("postmortems/a.md", BLAMING);
        write("postmortems/b.md", LintFixture.CLEAN);
        lint();
        Path cache = dir.resolve(".pm-cache");
        Object first = Files.readAttributes(cache, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Cli.Result again = lint();
        assertThat(again.code()).isEqualTo(1);
        assertThat(Files.readAttributes(cache, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("not replaced: every file was a hit").isEqualTo(first);
        Files.delete(dir.resolve("postmortems/b.md"));
        lint();
        assertThat(Files.readAttributes(cache, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("a file gone: its entry is dropped").isNotEqualTo(first);
        assertThat(lint().out()).isEqualTo(Cli.in(dir).run("lint").out());
    }

    @Test
    void aChangedFileIsLintedAgain() throws Exception {
        write("postmortems/a.md", BLAMING);
        assertThat(lint().code()).isEqualTo(1);
        write("postmortems/a.md", LintFixture.CLEAN);
        Cli.Result r = lint();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("1 file checked: no problems found\n");
    }

    @Test
    void aChangedConfigurationStartsTheCacheAfresh() throws Exception {
        write("postmortems/a.md", BLAMING);
        assertThat(lint().code()).isEqualTo(1);
        write(".pm.yml", "lint:\n  rules:\n    blame-language: warning\n");
        Cli.Result r = lint();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(": warning blame-language ");
    }

    @Test
    void aDamagedCacheIsIgnoredAndWrittenAnew() throws Exception {
        write("postmortems/a.md", BLAMING);
        Cli.Result clean = Cli.in(dir).run("lint");
        for (String damage : new String[] {"garbage", "pm lint cache 2\n", "", "pm lint cache 2\nkey\nE\tx\t5\t-\n1\t2\n",
                "pm lint cache 1\nkey\nE\tx\t5\n1\t2\n"}) {
            Files.writeString(dir.resolve(".pm-cache"), damage);
            assertThat(lint()).as(damage).isEqualTo(clean);
            assertThat(Files.readString(dir.resolve(".pm-cache"))).startsWith("pm lint cache 2\n");
        }
        // a cache of another configuration holding a wrong finding for this very content is not believed
        String cache = Files.readString(dir.resolve(".pm-cache"));
        Files.writeString(dir.resolve(".pm-cache"), cache.replace("is a label, not a cause", "WRONG")
                .replaceFirst("\n[^\n]*\n", "\nanother key\n"));
        assertThat(lint()).isEqualTo(clean);
    }

    @Test
    void theLocationCanBeAFileOrAFolderAndAnUnwritableOneOnlyCostsTheCache() throws Exception {
        write("postmortems/a.md", BLAMING);
        Files.createDirectories(dir.resolve("build"));
        assertThat(Cli.in(dir).run("lint", "--cache-location", "build").code()).isEqualTo(1);
        assertThat(dir.resolve("build/.pm-cache")).isRegularFile();
        assertThat(Cli.in(dir).run("lint", "--cache-location", "tmp/lint.cache").code()).isEqualTo(1);
        assertThat(dir.resolve("tmp/lint.cache")).isRegularFile();
        write("blocked", "a file where a folder should be");
        Cli.Result r = Cli.in(dir).run("lint", "--cache-location", "blocked/x/cache");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("human error");
        assertThat(r.err()).startsWith("pm: ").contains("the cache was not written; the findings stand").hasLineCount(1);
    }
}
