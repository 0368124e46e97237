package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.io.InputException;
import pm.lint.rules.Rules;
import pm.parse.PostmortemParser;

/**
 * {@link LintRun#lintAsIf}: text that is not on disk linted as the file at a path, with the settings of the
 * {@code .pm.yml} that governs that path ({@link Config#forFile}); the call {@code pm lint --stdin} and the language
 * server make.
 */
class LintAsIfTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read credentials",
            "It was human error. The archiver read credentials");

    @TempDir
    Path dir;

    private LintRun runFor(Path file) throws InputException {
        Config config = Config.forFile(file);
        LintSettings settings = LintSettings.of(config, Rules.metas());
        return new LintRun(new PostmortemParser(config.schema()), settings, Rules.ALL, false);
    }

    @Test
    void lintsTheTextUnderTheGivenNameWithThePathsConfigAndCanBeCalledAgain() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".pm.yml"), "lint:\n  rules:\n    blame-language: warning\n");
        Path file = dir.resolve("postmortems/unsaved.md"); // does not exist
        LintRun run = runFor(file);
        LintRun.Linted first = run.lintAsIf(file, "postmortems/unsaved.md", BLAMING);
        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("blame-language");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo("postmortems/unsaved.md");
            assertThat(f.line()).isEqualTo(LintFixture.lineOf(BLAMING, "human error"));
        });
        assertThat(first.draft()).isFalse();
        LintRun.Linted fixed = run.lintAsIf(file, "postmortems/unsaved.md", LintFixture.CLEAN);
        assertThat(fixed.findings()).isEmpty();
        LintRun.Linted draft = run.lintAsIf(file, "x", LintFixture.CLEAN.replace("status: published", "status: draft"));
        assertThat(draft.draft()).isTrue();
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void configForFileIsFoundFromTheFilesFolderUpAndStopsAtTheRepository() throws Exception {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(dir.resolve("repo/team"));
        Files.writeString(dir.resolve(".pm.yml"), "postmortems_dir: outside\n");
        Files.writeString(dir.resolve("repo/team/.pm.yml"), "postmortems_dir: pms\n");
        assertThat(Config.forFile(dir.resolve("repo/team/a/b/new.md")).file())
                .isEqualTo(dir.resolve("repo/team/.pm.yml"));
        assertThat(Config.forFile(dir.resolve("repo/other/new.md")).file()).as("not above the repository").isNull();
    }

    @Test
    void textThatCannotBeLintedThrowsWithTheReasonNamingThePath() throws Exception {
        Path file = dir.resolve("a.md");
        LintRun run = runFor(file);
        assertThatThrownBy(() -> run.lintAsIf(file, "a.md", "\u0000\u0000binary"))
                .isInstanceOf(InputException.class).hasMessageNotContaining("\n");
    }
}
