package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;

class LintCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String blaming() {
        return LintFixture.CLEAN.replace("The archiver read credentials", "It was human error. The archiver read "
                + "credentials");
    }

    @Test
    void cleanFilesExitZeroWithASummary() throws Exception {
        write("postmortems/a.md", LintFixture.CLEAN);
        Cli.Result r = Cli.in(dir).run("lint");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("1 file checked: no problems found\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anErrorExitsOneAndPrintsFileLineColumnSeverityRuleAndMessage() throws Exception {
        write("postmortems/a.md", blaming());
        Cli.Result r = Cli.in(dir).run("lint");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        int line = LintFixture.lineOf(blaming(), "human error");
        assertThat(r.out()).startsWith("postmortems/a.md:" + line + ":8: error blame-language \"human error\"")
                .contains("\n    suggestion: ")
                .endsWith("1 error in 1 of 1 file\n" + pm.report.Report.TEXT_FOOTER + "\n");
    }

    @Test
    void onlyWarningsExitZero() throws Exception {
        write("postmortems/a.md", LintFixture.CLEAN.replace("| 09:19 |", "| 09:00 |"));
        Cli.Result r = Cli.in(dir).run("lint");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(": warning timeline-order ").endsWith("1 warning in 1 of 1 file\n" + pm.report.Report.TEXT_FOOTER + "\n");
    }

    @Test
    void walksDirectoriesForMarkdownSkippingHiddenOnesAndOtherFiles() throws Exception {
        write("pms/b.md", LintFixture.CLEAN);
        write("pms/sub/a.md", blaming());
        write("pms/.drafts/c.md", blaming());
        write("pms/.hidden.md", blaming());
        write("pms/notes.txt", blaming());
        Cli.Result r = Cli.in(dir).run("lint", "pms");
        assertThat(r.out()).contains("pms/sub/a.md:").doesNotContain(".drafts").doesNotContain("hidden")
                .doesNotContain("notes").endsWith("1 error in 1 of 2 files\n" + pm.report.Report.TEXT_FOOTER + "\n");
    }

    @Test
    void symlinksLeadingOutsideAreSkippedAndLoopsEnd() throws Exception {
        write("outside/x.md", blaming());
        write("pms/a.md", LintFixture.CLEAN);
        Files.createSymbolicLink(dir.resolve("pms/out"), dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("pms/loop"), dir.resolve("pms"));
        Cli.Result r = Cli.in(dir).run("lint", "pms");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("1 file checked: no problems found\n");
    }

    @Test
    void unreadableFilesAreOneLineOnStderrExitTwoAndTheOthersAreStillLinted() throws Exception {
        write("pms/a.md", blaming());
        Files.write(dir.resolve("pms/b.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.write(dir.resolve("pms/c.md"), new byte[] {0, 1, 2, 3});
        write("pms/d.md", LintFixture.CLEAN);
        Cli.Result r = Cli.in(dir).run("lint", "pms", "missing.md");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "pm: pms/b.md:1: is not valid UTF-8 (byte 3); save the file as UTF-8",
                "pm: pms/c.md: is a binary file, not Markdown text; rename it or remove it from the postmortems folder",
                "pm: missing.md: no such file or directory");
        assertThat(r.out()).contains("pms/a.md:").endsWith("1 error in 1 of 2 files; 3 files could not be read\n" + pm.report.Report.TEXT_FOOTER
                + "\n");
    }

    @Test
    void errorLinesShowControlCharactersOfTheNamesTheyEchoAsEscapes() throws Exception {
        Files.createDirectories(dir.resolve("pms"));
        Files.write(dir.resolve("pms/\u001b[2J\nx.md"), new byte[] {0, 1, 2, 3});
        Cli.Result r = Cli.in(dir).run("lint", "pms", "gone\u001b]52;c;ZXZpbA==\u0007.md");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "pm: pms/\\e[2J\\nx.md: is a binary file, not Markdown text; rename it or remove it from the "
                        + "postmortems folder",
                "pm: gone\\e]52;c;ZXZpbA==\\x07.md: no such file or directory");
        Cli.Result usage = Cli.in(dir).run("lint", "--format", "\u001b[2J");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("pm lint: --format '\\e[2J' is not a format; use text, json, sarif, "
                + "github, checkstyle, gitlab or junit\n").doesNotContain("\u001b");
    }

    @Test
    void manyFilesAreReportedInFileOrder() throws Exception {
        java.util.List<String> blamed = new java.util.ArrayList<>();
        java.util.List<String> broken = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = "pms/%02d.md".formatted(i);
            if (i % 7 == 3) {
                Files.createDirectories(dir.resolve("pms"));
                Files.write(dir.resolve(name), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
                broken.add("pm: " + name + ":1: is not valid UTF-8 (byte 3); save the file as UTF-8");
            } else if (i % 2 == 0) {
                write(name, blaming());
                blamed.add(name);
            } else {
                write(name, LintFixture.CLEAN);
            }
        }
        Cli.Result r = Cli.in(dir).run("lint", "pms");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactlyElementsOf(broken);
        assertThat(r.out().lines().filter(l -> l.startsWith("pms/")).map(l -> l.substring(0, l.indexOf(':'))))
                .containsExactlyElementsOf(blamed);
        assertThat(r.out()).endsWith("%d errors in %d of %d files; %d files could not be read\n"
                .formatted(blamed.size(), blamed.size(), 60 - broken.size(), broken.size())
                + pm.report.Report.TEXT_FOOTER + "\n");
    }

    @Test
    void theDefaultIsTheConfiguredPostmortemsDirectory() throws Exception {
        write(".pm.yml", "postmortems_dir: docs/incidents\n");
        write("docs/incidents/a.md", blaming());
        write("postmortems/b.md", blaming());
        Cli.Result r = Cli.in(dir.resolve("docs")).run("lint");
        assertThat(r.out()).contains("incidents/a.md:").doesNotContain("b.md");
        Files.delete(dir.resolve("docs/incidents/a.md"));
        Files.delete(dir.resolve("docs/incidents"));
        Cli.Result missing = Cli.in(dir).run("lint");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("pm: docs/incidents: no such directory: it is postmortems_dir");
    }

    @Test
    void configMistakesAreUsageErrorsWithFileAndLine() throws Exception {
        write(".pm.yml", "lint:\n  rules:\n    blame: off\n");
        write("postmortems/a.md", LintFixture.CLEAN);
        Cli.Result r = Cli.in(dir).run("lint");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm: .pm.yml:3: unknown rule 'blame' in lint.rules");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void configTurnsRulesOffAndChangesSeverity() throws Exception {
        write(".pm.yml", "lint:\n  rules:\n    blame-language: warning\n");
        write("postmortems/a.md", blaming());
        Cli.Result r = Cli.in(dir).run("lint");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(": warning blame-language ");
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminalAndNeverWithNoColor() throws Exception {
        write("postmortems/a.md", blaming());
        assertThat(Cli.in(dir).run("lint").out()).doesNotContain("\u001b[");
        assertThat(Cli.in(dir).run("lint", "--color", "always").out()).contains("\u001b[31merror\u001b[0m");
        assertThat(Cli.in(dir).env("NO_COLOR", "1").run("lint").out()).doesNotContain("\u001b[");
        assertThat(Cli.in(dir).run("lint", "--color", "always", "--format", "json").out()).doesNotContain("\u001b[");
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Result r = Cli.in(dir).run("lint", "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm lint: --format 'xml' is not a format; use text, json, sarif, github, "
                + "checkstyle, gitlab or junit");
        Cli.Result both = Cli.in(dir).run("lint", "--staged", "--fix");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--fix cannot be used with --staged");
    }

    @Test
    void crlfAndBomFilesReportTheSamePositions() throws Exception {
        String text = blaming().replace("| 09:19 |", "| 09:00 |");
        write("a/x.md", text);
        Files.createDirectories(dir.resolve("b"));
        Files.write(dir.resolve("b/x.md"), ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        String a = Cli.in(dir.resolve("a")).run("lint", "x.md").out();
        String b = Cli.in(dir.resolve("b")).run("lint", "x.md").out();
        assertThat(b).isEqualTo(a).contains("x.md:");
    }
}
