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
 * {@link TextLint}: text that is not on disk linted as the file at a path, with the settings of the
 * {@code .pm.yml} that governs that path ({@link Config#forFile}); the call {@code pm lint --stdin} and the language
 * server make.
 */
class LintAsIfTest {
    private static final String BLAMING = LintFixture.CLEAN.replace("The archiver read credentials",
            "It was human error. The archiver read credentials");

    @TempDir
    Path dir;

    private TextLint runFor(Path file) throws InputException {
        Config config = Config.forFile(file);
        LintSettings settings = LintSettings.of(config, Rules.metas());
        return new TextLint(new PostmortemParser(config.schema()), new Linter(settings, Rules.ALL));
    }

    @Test
    void lintsTheTextUnderTheGivenNameWithThePathsConfigAndCanBeCalledAgain() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".pm.yml"), "lint:\n  rules:\n    blame-language: warning\n");
        Path file = dir.resolve("postmortems/unsaved.md"); // does not exist
        TextLint run = runFor(file);
        TextLint.Linted first = run.lint(file, BLAMING, "postmortems/unsaved.md");
        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("blame-language");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo("postmortems/unsaved.md");
            assertThat(f.line()).isEqualTo(LintFixture.lineOf(BLAMING, "human error"));
        });
        assertThat(first.draft()).isFalse();
        TextLint.Linted fixed = run.lint(file, LintFixture.CLEAN, "postmortems/unsaved.md");
        assertThat(fixed.findings()).isEmpty();
        TextLint.Linted draft = run.lint(file, LintFixture.CLEAN.replace("status: published", "status: draft"), "x");
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
        TextLint run = runFor(file);
        assertThatThrownBy(() -> run.lint(file, "\u0000\u0000binary", "a.md"))
                .isInstanceOf(InputException.class).hasMessageNotContaining("\n");
    }
}
