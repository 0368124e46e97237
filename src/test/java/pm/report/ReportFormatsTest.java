package pm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pm.cli.VersionProvider;
import pm.testing.Cli;

/** One fixture postmortem, and the exact output of each --format for it. */
class ReportFormatsTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws Exception {
        try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/pm/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Cli.Result lint(String format) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/fixture.md"), resource("fixture.md"));
        return Cli.in(dir).run("lint", "--format", format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "github"})
    void eachFormatMatchesItsFixture(String format) throws Exception {
        Cli.Result r = lint(format);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        String version = new VersionProvider().getVersion()[0].split(" ")[1];
        assertThat(r.out()).isEqualTo(resource("expected." + format).replace("@VERSION@", version));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonIsAnArrayOfFindingObjects() throws Exception {
        JsonNode json = new ObjectMapper().readTree(lint("json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(4);
        JsonNode owner = json.get(2);
        assertThat(owner.fieldNames()).toIterable().containsExactly("file", "line", "column", "endLine", "endColumn",
                "rule", "severity", "message", "suggestion");
        assertThat(owner.get("rule").asText()).isEqualTo("action-item-owner");
        assertThat(owner.get("suggestion").isNull()).isTrue();
    }

    @Test
    void noFindingsIsAnEmptyJsonArray() throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/a.md"), pm.lint.LintFixture.CLEAN);
        assertThat(Cli.in(dir).run("lint", "--format", "json").out()).isEqualTo("[]\n");
    }

    @Test
    void sarifHasTheRulesTableAndResultsPointingIntoIt() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(lint("sarif").out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(pm.lint.rules.Rules.metas().size());
        for (JsonNode result : run.get("results")) {
            JsonNode rule = rules.get(result.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(result.get("ruleId").asText());
            JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
            assertThat(region.get("startLine").asInt()).isPositive();
            assertThat(region.get("endColumn").asInt()).isGreaterThan(region.get("startColumn").asInt());
        }
        assertThat(run.get("results")).extracting(r -> r.get("level").asText())
                .containsExactly("warning", "error", "error", "warning");
    }

    @Test
    void suggestionsAppearInEveryFormat() throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/a.md"), pm.lint.LintFixture.CLEAN.replace("The archiver read",
                "The root cause was human error. The archiver read"));
        JsonNode json = new ObjectMapper().readTree(Cli.in(dir).run("lint", "--format", "json").out());
        assertThat(json.get(0).get("suggestion").asText()).isNotBlank();
        String sarif = Cli.in(dir).run("lint", "--format", "sarif").out();
        assertThat(sarif).contains("\\nSuggestion: " + json.get(0).get("suggestion").asText());
        assertThat(Cli.in(dir).run("lint", "--format", "github").out()).contains("%0ASuggestion: ");
    }

    @Test
    void githubAnnotationsEscapeTheirData() {
        assertThat(GithubReport.data("50% done\nnext")).isEqualTo("50%25 done%0Anext");
        assertThat(GithubReport.property("a:b,c")).isEqualTo("a%3Ab%2Cc");
        assertThat(SarifReport.uri("post mortems/a#1.md")).isEqualTo("post%20mortems/a%231.md");
        // outside the working directory a file is named by its absolute path: an absolute URI, not "/…" (SARIF1004)
        assertThat(SarifReport.uri("/srv/post mortems/a.md")).isEqualTo("file:///srv/post%20mortems/a.md");
    }
}
