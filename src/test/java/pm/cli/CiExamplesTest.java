package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI examples in {@code src/examples/ci} call pm only as pm understands it: every {@code pm …} command line in
 * their scripts parses with pm's own picocli model (no unknown option, no missing value) and passes the checks
 * its command makes before running (a format that exists, options that go together).
 */
class CiExamplesTest {
    static final Path CI = Path.of("src/examples/ci");

    /** Every script line of a workflow or pipeline: steps' {@code run}, jobs' {@code script} and {@code before_script}. */
    static List<String> scriptLines(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, null, out);
        return out;
    }

    private static void collect(JsonNode node, String key, List<String> out) {
        if (node.isTextual() && key != null && List.of("run", "script", "before_script", "after_script").contains(key)) {
            out.addAll(node.asText().lines().toList());
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, key, out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), out));
        }
    }

    /** The words of a pm command line, up to a redirection, {@code ||}, {@code &&}, {@code |}, {@code ;} or comment. */
    static List<String> pmArgs(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (!inWord && (c == '>' || c == '|' || c == '&' || c == ';' || c == '#')) {
                break;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        assertThat(words).as(line).isNotEmpty().first().isEqualTo("pm");
        return words.subList(1, words.size());
    }

    /** The pm command lines of one example file, each as its arguments. */
    static List<List<String>> pmCommands(Path file) throws Exception {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<List<String>> out = new ArrayList<>();
        for (String line : scriptLines(yaml)) {
            String s = line.strip();
            if (s.startsWith("pm ")) {
                out.add(pmArgs(s));
            }
        }
        return out;
    }

    /** Parses {@code args} with pm's picocli model, and runs the command's own checks of its options. */
    static void assertPmAccepts(List<String> args) {
        String[] a = args.toArray(String[]::new);
        Context ctx = new Context(Path.of(""), Clock.systemUTC(), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CommandLine cl = Commands.commandLine(ctx, PmCommand.needed(a));
        CommandLine.ParseResult parsed = cl.parseArgs(a); // a ParameterException fails the test with its message
        assertThat(parsed.hasSubcommand()).as("%s names a pm command", args).isTrue();
        Object command = parsed.subcommand().commandSpec().userObject();
        if (command instanceof LintCommand lint) {
            assertThat(lint.aloneProblem()).as("pm %s", String.join(" ", args)).isNull();
            assertThat(lint.problem()).as("pm %s", String.join(" ", args)).isNull();
        }
    }

    @Test
    void theGithubWorkflowCallsOnlyWhatPmHasAndDoesWhatTheReadmeSays() throws Exception {
        Path file = CI.resolve("github-actions.yml");
        List<List<String>> commands = pmCommands(file);
        assertThat(commands).contains(List.of("lint", "--format", "sarif"), List.of("lint", "--format", "github"),
                List.of("overdue", "--format", "markdown"), List.of("index", "--check"));
        for (List<String> args : commands) {
            assertThatCode(() -> assertPmAccepts(args)).as("pm %s", args).doesNotThrowAnyException();
        }
        String text = Files.readString(file);
        assertThat(text).contains("github/codeql-action/upload-sarif@").contains("security-events: write")
                .contains(">> \"$GITHUB_STEP_SUMMARY\"").contains("schedule:")
                .doesNotContain("# - run: pm index --check");
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        assertThat(yaml.get("jobs").get("lint").get("steps").toString()).contains("pm-lint.sarif");
    }

    @Test
    void theGitlabPipelineCallsOnlyWhatPmHasAndKeepsItsReports() throws Exception {
        Path file = CI.resolve("gitlab-ci.yml");
        List<List<String>> commands = pmCommands(file);
        assertThat(commands).contains(List.of("lint", "--format", "gitlab"), List.of("lint", "--format", "junit"),
                List.of("lint"), List.of("overdue", "--format", "markdown"));
        for (List<String> args : commands) {
            assertThatCode(() -> assertPmAccepts(args)).as("pm %s", args).doesNotThrowAnyException();
        }
        JsonNode reports = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("pm-lint")
                .get("artifacts").get("reports");
        assertThat(reports.get("codequality").asText()).isEqualTo("gl-code-quality-report.json");
        assertThat(reports.get("junit").asText()).isEqualTo("pm-lint-junit.xml");
        assertThat(Files.readString(file)).contains("pm lint --format gitlab > gl-code-quality-report.json")
                .contains("pm lint --format junit > pm-lint-junit.xml");
    }

    @Test
    void aCommandPmDoesNotHaveIsCaught() {
        assertThatCode(() -> assertPmAccepts(List.of("lint", "--no-such-option"))).isInstanceOf(
                CommandLine.ParameterException.class);
        assertThatCode(() -> assertPmAccepts(List.of("lint", "--format", "xml"))).isInstanceOf(AssertionError.class);
        assertThatCode(() -> assertPmAccepts(List.of("index", "--chek"))).isInstanceOf(
                CommandLine.ParameterException.class);
        assertThatCode(() -> assertPmAccepts(List.of("no-such-command"))).isInstanceOf(
                CommandLine.ParameterException.class);
        assertThat(pmArgs("pm overdue --format markdown >> \"$GITHUB_STEP_SUMMARY\""))
                .containsExactly("overdue", "--format", "markdown");
        assertThat(pmArgs("pm lint --format gitlab > out.json || true")).containsExactly("lint", "--format", "gitlab");
    }
}
