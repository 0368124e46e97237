package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;

/** {@code pm lint --stdin --stdin-filename PATH}: standard input linted as if it were PATH, as editors need. */
class StdinLintTest {
    @TempDir
    Path dir;

    static String blaming() {
        return LintFixture.CLEAN.replace("The archiver read credentials", "It was human error. The archiver read "
                + "credentials");
    }

    @Test
    void standardInputIsLintedUnderTheNameGivenAndExitsAsUsual() throws Exception {
        int line = LintFixture.lineOf(blaming(), "human error");
        Cli.Result r = Cli.in(dir).stdin(blaming()).run("lint", "--stdin", "--stdin-filename",
                "postmortems/not-yet-saved.md");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).startsWith("postmortems/not-yet-saved.md:" + line + ":8: error blame-language ")
                .contains("1 error in 1 of 1 file\n");
        assertThat(r.err()).isEmpty();
        assertThat(Files.exists(dir.resolve("postmortems"))).as("PATH need not exist, and is not made").isFalse();
        Cli.Result clean = Cli.in(dir).stdin(LintFixture.CLEAN).run("lint", "--stdin", "--stdin-filename", "x.md");
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(clean.out()).isEqualTo("1 file checked: no problems found\n");
    }

    @Test
    void withoutAFileNameItIsStdinInTheCurrentDirectory() {
        Cli.Result r = Cli.in(dir).stdin(blaming()).run("lint", "--stdin", "--format", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("\"file\": \"<stdin>\"");
    }

    @Test
    void theConfigIsTheOneThatGovernsPathNotTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("team-a/postmortems"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("team-a/.pm.yml"), "lint:\n  rules:\n    blame-language: warning\n");
        Cli.Result governed = Cli.in(dir).stdin(blaming()).run("lint", "--stdin", "--stdin-filename",
                "team-a/postmortems/new.md", "--format", "json");
        assertThat(governed.code()).as(governed.toString()).isZero();
        JsonNode f = new ObjectMapper().readTree(governed.out()).get(0);
        assertThat(f.get("rule").asText()).isEqualTo("blame-language");
        assertThat(f.get("severity").asText()).isEqualTo("warning");
        assertThat(f.get("file").asText()).isEqualTo("team-a/postmortems/new.md");
        Cli.Result elsewhere = Cli.in(dir).stdin(blaming()).run("lint", "--stdin", "--stdin-filename",
                "team-b/new.md");
        assertThat(elsewhere.code()).as("team-b has no .pm.yml: the defaults").isEqualTo(1);
        Cli.Result fromInside = Cli.in(dir.resolve("team-a/postmortems")).stdin(blaming()).run("lint", "--stdin",
                "--stdin-filename", "../../team-b/new.md");
        assertThat(fromInside.code()).as("run from team-a, the file is team-b's: " + fromInside).isEqualTo(1);
    }

    @Test
    void disableCommentsInTheTextApply() {
        String silenced = blaming().replace("It was human error.", "<!-- pm-disable-next-line blame-language -->\n"
                + "It was human error.");
        Cli.Result r = Cli.in(dir).stdin(silenced).run("lint", "--stdin", "--stdin-filename", "a.md");
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void aBadPmYmlOrTextThatIsNotUtf8ExitsTwoWithOneLine() throws Exception {
        Cli.Result binary = Cli.in(dir).stdin(new byte[] {(byte) 0xff, (byte) 0xfe, 0}).run("lint", "--stdin",
                "--stdin-filename", "a.md");
        assertThat(binary.code()).as(binary.toString()).isEqualTo(2);
        assertThat(binary.err()).startsWith("pm: a.md").hasLineCount(1);
        Files.writeString(dir.resolve(".pm.yml"), "lint:\n  rules:\n    no-such-rule: off\n");
        Cli.Result config = Cli.in(dir).stdin(LintFixture.CLEAN).run("lint", "--stdin", "--stdin-filename", "a.md");
        assertThat(config.code()).as(config.toString()).isEqualTo(2);
        assertThat(config.err()).contains(".pm.yml").hasLineCount(1);
    }

    @Test
    void misusedOptionsExitTwoWithOneLine() {
        for (List<String> args : List.of(List.of("--stdin-filename", "a.md"), List.of("--stdin", "a.md"),
                List.of("--stdin", "--staged"), List.of("--stdin", "--rev", "main"), List.of("--stdin", "--fix"),
                List.of("--stdin", "--cache"))) {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("lint"), args.stream())
                    .toArray(String[]::new);
            Cli.Result r = Cli.in(dir).stdin(LintFixture.CLEAN).run(all);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).startsWith("pm lint: --").hasLineCount(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
