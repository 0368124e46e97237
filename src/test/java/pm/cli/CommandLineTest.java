package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.testing.Cli;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpAndVersion() {
        for (List<String> cmd : List.<List<String>>of(List.of(), List.of("new"), List.of("init"), List.of("completion"),
                List.of("lint"), List.of("hook"), List.of("hook", "install"))) {
            String[] help = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Cli.Result h = Cli.in(dir).run(help);
            assertThat(h.code()).as(String.join(" ", help)).isZero();
            assertThat(h.out()).startsWith("Usage: pm");
            String[] version = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--version"))
                    .toArray(String[]::new);
            Cli.Result v = Cli.in(dir).run(version);
            assertThat(v.code()).isZero();
            assertThat(v.out()).matches("pm \\d+\\.\\d+\\.\\d+.*\\R");
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() {
        Cli.Result r = Cli.in(dir).run("new", "x", "--sevrity", "SEV1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pm new: Unknown option").contains("'--sevrity'").contains("--severity")
                .contains("Run 'pm new --help' for usage.")
                .doesNotContain("Exception");
    }

    @Test
    void everyCommandChecksTheWholeConfigTheSameWay() throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), "postmortems_dir: postmortems\noverdue:\n  draft_days: -3\n");
        String expected = "pm: .pm.yml:3: overdue.draft_days must be a whole number of days from 0 to 3650, not '-3' "
                + "(default 2)";
        for (String[] args : new String[][] {{"lint"}, {"overdue", "--no-git"}, {"new", "Disk full"}}) {
            Cli.Result r = Cli.in(dir).run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).isEqualTo(expected);
        }
        assertThat(dir.resolve("postmortems")).as("pm new wrote nothing").doesNotExist();
    }

    @Test
    void everyCommandRefusesABadPolicyWithOneLineAndExit2() throws Exception {
        String head = "postmortems_dir: postmortems\npolicies:\n  - name: urgent\n";
        String[][] cases = {
            {head + "    when: {priority: P1}\n    within: -7\n", "pm: .pm.yml:5: policy 'urgent': within must be a "
                + "whole number of days from 0 to 3650, the days from the incident date to the latest due date, not "
                + "'-7'"},
            {head + "    when: {priority: P4}\n    within: 7\n", "pm: .pm.yml:4: policy 'urgent': when.priority 'P4' "
                + "is not one of P0, P1, P2, P3"},
            {head + "    when: {priority: P1}\n    within: 7\n    start_within: -1\n", "pm: .pm.yml:6: policy "
                + "'urgent': start_within must be a whole number of days from 0 to 3650, the days an item may stay "
                + "open, not '-1'"}};
        for (String[] c : cases) {
            Files.writeString(dir.resolve(".pm.yml"), c[0]);
            for (String[] args : new String[][] {{"lint"}, {"overdue", "--no-git"}, {"new", "Disk full"},
                    {"lint", "--format", "json"}, {"overdue", "--no-git", "--format", "csv"}}) {
                Cli.Result r = Cli.in(dir).run(args);
                assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(2);
                assertThat(r.err()).as(String.join(" ", args)).isEqualTo(c[1] + "\n");
                assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            }
        }
        assertThat(dir.resolve("postmortems")).as("pm new wrote nothing").doesNotExist();
    }

    @Test
    void aConfigCannotSendPmOutsideTheRepositoryButTheCommandLineCan(@TempDir Path outside) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        for (String setting : new String[] {"postmortems_dir: ../..", "postmortems_dir: " + outside,
                "templates_dir: ../tpl"}) {
            Files.writeString(dir.resolve(".pm.yml"), setting + "\n");
            String key = setting.substring(0, setting.indexOf(':'));
            for (String[] args : new String[][] {{"lint"}, {"overdue", "--no-git"}, {"new", "Disk full"}}) {
                Cli.Result r = Cli.in(dir).run(args);
                assertThat(r.code()).as(setting + ": " + String.join(" ", args) + "\n" + r).isEqualTo(2);
                assertThat(r.err().strip()).hasLineCount(1).startsWith("pm: .pm.yml:1: " + key + " '")
                        .contains("is outside the repository").endsWith("or name the folder on the command line");
            }
        }
        try (var files = Files.list(outside)) {
            assertThat(files).as("nothing written outside").isEmpty();
        }
        Files.writeString(dir.resolve(".pm.yml"), "postmortems_dir: postmortems\n");
        Files.writeString(outside.resolve("a.md"), "# not a postmortem\n");
        Cli.Result named = Cli.in(dir).run("lint", outside.toString());
        assertThat(named.code()).as("a folder named on the command line may be anywhere: " + named).isEqualTo(1);
        assertThat(named.out()).contains("a.md");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.in(dir).run("nwe");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'nwe'").contains("Run 'pm --help' for usage.");
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        Cli.Result r = Cli.in(dir).run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: pm").contains("a command is required");
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltButHelpAndCompletionSeeThemAll() {
        assertThat(PmCommand.needed(new String[] {"lint", "x.md"})).containsOnlyKeys("lint");
        assertThat(PmCommand.needed(new String[] {"--help"})).isEqualTo(PmCommand.SUBCOMMANDS);
        assertThat(PmCommand.needed(new String[] {"completion"})).isEqualTo(PmCommand.SUBCOMMANDS);
        assertThat(PmCommand.needed(new String[] {"nwe"})).isEqualTo(PmCommand.SUBCOMMANDS);
        assertThat(Cli.in(dir).run("--help").out()).contains("new").contains("lint").contains("overdue")
                .contains("hook").contains("completion").doesNotContain("__train");
        assertThat(Cli.in(dir).run("completion").out()).contains("overdue").contains("hook");
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() {
        Cli.Result r = Cli.in(dir).run("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("new").contains("init").contains("--template");
    }

    @Test
    void initWritesACommentedConfigThatReadsBackAndCreatesTheDirectory() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path sub = Files.createDirectories(dir.resolve("src"));
        Cli.Result r = Cli.in(sub).run("init");
        assertThat(r.code()).as(r.toString()).isZero();
        Path file = dir.resolve(".pm.yml");
        assertThat(Files.readString(file)).contains("# ").contains("postmortems_dir: postmortems");
        Config config = Config.read(file);
        assertThat(config.postmortemsDir()).isEqualTo(dir.resolve("postmortems"));
        assertThat(dir.resolve("postmortems")).isDirectory();

        Files.writeString(file, "postmortems_dir: mine\n");
        Cli.Result again = Cli.in(dir).run("init");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains(".pm.yml: already exists");
        assertThat(Files.readString(file)).isEqualTo("postmortems_dir: mine\n");
    }

    private static String builtInMarkdownlint() throws Exception {
        try (java.io.InputStream in = CommandLineTest.class.getResourceAsStream("/pm/init.markdownlint.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void initWritesTheMarkdownlintSettingsForThePostmortemsFolderOnly() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Cli.Result r = Cli.in(dir).run("init");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Wrote .pm.yml; postmortems go in postmortems/\n"
                + "Wrote postmortems/.markdownlint.yaml (markdownlint: the title heading, line length)\n"
                + "Next: pm new \"<what broke>\"\n");
        String written = Files.readString(dir.resolve("postmortems/.markdownlint.yaml"));
        assertThat(written).isEqualTo(builtInMarkdownlint()).contains("MD025:\n  front_matter_title: \"\"\n")
                .contains("\nMD013: false\n").doesNotContain("extends");
        assertThat(dir.resolve(".markdownlint.yaml")).as("nothing changes for the repository's other Markdown")
                .doesNotExist();
        // the examples live in a folder set up as pm init sets one up
        assertThat(Files.readString(Path.of("src/examples/postmortems/.markdownlint.yaml"))).isEqualTo(written);
    }

    @Test
    void initExtendsTheRepositorysOwnMarkdownlintConfigSinceAFoldersConfigReplacesIt() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".markdownlint.yml"), "MD001: false\n");
        assertThat(Cli.in(dir).run("init").code()).isZero();
        String written = Files.readString(dir.resolve("postmortems/.markdownlint.yaml"));
        assertThat(written).contains("\nextends: ../.markdownlint.yml\n").contains("MD013: false")
                .startsWith(builtInMarkdownlint().substring(0, builtInMarkdownlint().indexOf("\n\n")));
        assertThat(Files.readString(dir.resolve(".markdownlint.yml"))).isEqualTo("MD001: false\n");
    }

    @Test
    void initLeavesAMarkdownlintCli2ConfigAloneAndSaysWhatToAdd() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".markdownlint-cli2.yaml"), "config:\n  MD001: false\n");
        Cli.Result r = Cli.in(dir).run("init");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("markdownlint: .markdownlint-cli2.yaml configures it here; for postmortems add "
                + "MD025 front_matter_title: \"\" and MD013: false");
        assertThat(dir.resolve("postmortems/.markdownlint.yaml")).doesNotExist();
    }

    @Test
    void initKeepsAMarkdownlintConfigThePostmortemsFolderAlreadyHas() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/.markdownlint.jsonc"), "{}\n");
        Cli.Result r = Cli.in(dir).run("init");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("markdownlint");
        assertThat(dir.resolve("postmortems/.markdownlint.yaml")).doesNotExist();
        assertThat(Files.readString(dir.resolve("postmortems/.markdownlint.jsonc"))).isEqualTo("{}\n");
    }
}
