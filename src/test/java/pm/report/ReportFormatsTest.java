package pm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pm.cli.VersionProvider;
import pm.lint.LintFixture;
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
    @ValueSource(strings = {"text", "json", "sarif", "github", "checkstyle", "gitlab", "junit"})
    void eachFormatMatchesItsFixture(String format) throws Exception {
        Cli.Result r = lint(format);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        String version = new VersionProvider().getVersion()[0].split(" ")[1];
        assertThat(r.out()).isEqualTo(resource("expected." + format).replace("@VERSION@", version));
        assertThat(r.err()).isEmpty();
    }

    /** A draft with one section holding only its prompt, and one blaming sentence. */
    private Cli.Result lintDraft(String... args) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve("postmortems/a.md"), pm.lint.LintFixture.CLEAN
                .replace("status: published", "status: draft")
                .replace("The error-rate alert fired within seven minutes.", "<!-- What helped? -->")
                .replace("The archiver read", "It was Bob's fault: the archiver read"));
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.in(dir).run(all);
    }

    @Test
    void everyFormatSaysADraftsFindingIsRelaxedAndWhatItIsInReview() throws Exception {
        Cli.Result text = lintDraft();
        assertThat(text.out()).contains(": warning missing-section section 'What went well' still holds only the "
                + "template prompt: replace it with what helped detection and recovery (draft; an error from "
                + "in-review)\n").contains(": error blame-language ");
        assertThat(text.out()).endsWith("1 error, 1 warning in 1 of 1 file; 1 error, 1 warning in 1 draft\n"
                + Report.TEXT_FOOTER + "\n");
        JsonNode json = new ObjectMapper().readTree(lintDraft("--format", "json").out());
        JsonNode relaxed = json.get(1).get("rule").asText().equals("missing-section") ? json.get(1) : json.get(0);
        assertThat(relaxed.get("severity").asText()).isEqualTo("warning");
        assertThat(relaxed.get("configuredSeverity").asText()).isEqualTo("error");
        assertThat(relaxed.get("note").asText()).isEqualTo("draft; an error from in-review");
        for (JsonNode f : json) {
            if (f.get("rule").asText().equals("blame-language")) {
                assertThat(f.has("note")).as("blame is never relaxed").isFalse();
            }
        }
        JsonNode sarif = new ObjectMapper().readTree(lintDraft("--format", "sarif").out());
        JsonNode result = null;
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("missing-section")) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.get("level").asText()).isEqualTo("warning");
        assertThat(result.get("message").get("text").asText()).endsWith("(draft; an error from in-review)");
        assertThat(result.get("properties").get("pm.configuredLevel").asText()).isEqualTo("error");
        assertThat(lintDraft("--format", "github").out()).contains("::warning file=postmortems/a.md")
                .contains("(draft; an error from in-review)");
        Cli.Result strict = lintDraft("--strict");
        assertThat(strict.out()).contains(": error missing-section ").doesNotContain("(draft;");
        assertThat(strict.out()).endsWith("2 errors in 1 of 1 file\n" + Report.TEXT_FOOTER + "\n");
    }

    @Test
    void jsonIsAnArrayOfFindingObjects() throws Exception {
        JsonNode json = new ObjectMapper().readTree(lint("json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(5);
        JsonNode owner = json.get(3);
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
                .containsExactly("warning", "warning", "error", "error", "warning");
    }

    /** What Microsoft's SARIF Multitool asks with GitHub's rules (--rule-kind "Sarif;Gh"); consumers runs it. */
    @Test
    void sarifHasWhatGithubCodeScanningAndTheSarifValidatorAsk() throws Exception {
        JsonNode run = new ObjectMapper().readTree(lint("sarif").out()).get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        // SARIF2005: the tool says where to read about it, as an absolute URI
        assertThat(java.net.URI.create(driver.get("informationUri").asText()).isAbsolute()).isTrue();
        // GH2012: GitHub's ingestion requires every rule's full description
        for (JsonNode rule : driver.get("rules")) {
            assertThat(rule.path("fullDescription").path("text").asText()).as(rule.get("id").asText())
                    .startsWith(rule.get("shortDescription").get("text").asText() + " ")
                    .hasSizeGreaterThan(rule.get("shortDescription").get("text").asText().length() + 20);
            // SARIF2012: each rule links to its documentation, the README's anchor for it
            assertThat(rule.path("helpUri").asText()).as(rule.get("id").asText())
                    .endsWith("README.md#rule-" + rule.get("id").asText());
        }
        // a file below the working directory: a relative reference under the checkout's base id
        assertThat(run.get("results")).isNotEmpty();
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertThat(location.get("uri").asText()).isEqualTo("postmortems/fixture.md");
            assertThat(location.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        }
    }

    @Test
    void sarifNamesAFileOutsideTheWorkingDirectoryByAnAbsoluteUriWithNoBase() throws Exception {
        Path outside = dir.resolve("elsewhere/postmortems");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("fixture.md"), resource("fixture.md"));
        Files.createDirectories(dir.resolve("work"));
        Cli.Result r = Cli.in(dir.resolve("work")).run("lint", "--format", "sarif", outside.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
        assertThat(results).isNotEmpty();
        for (JsonNode result : results) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            // SARIF1004: a "/…" under a base id is an error; an absolute file: URI takes none
            assertThat(location.get("uri").asText()).startsWith("file:///")
                    .isEqualTo(outside.resolve("fixture.md").toUri().toASCIIString());
            assertThat(location.has("uriBaseId")).isFalse();
        }
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
        // a ':' in the first segment would read as a scheme; non-ASCII is escaped as UTF-8
        assertThat(SarifReport.uri("file:x.md")).isEqualTo("./file:x.md");
        assertThat(SarifReport.uri("a:b/c.md")).isEqualTo("./a:b/c.md");
        assertThat(SarifReport.uri("x/a:b.md")).isEqualTo("x/a:b.md");
        assertThat(SarifReport.uri("postmortems/\u00e9t\u00e9.md")).isEqualTo("postmortems/%C3%A9t%C3%A9.md");
    }

    // --- text from the postmortem cannot attack whoever reads the report -----------------------------------

    /** A file name with ESC, '%', ',' and ':' in it, as pm names it. */
    private static final String HOSTILE_FILE = "postmortems/\u001b[2J50%,a:b.md";

    /**
     * Lints one postmortem whose action item title clears the screen, forges a link (OSC 8), rings the bell,
     * holds a C1 CSI and starts two lines of its own: a forged finding and a forged GitHub annotation.
     */
    private Cli.Result lintHostile(String... options) throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.writeString(dir.resolve(HOSTILE_FILE), LintFixture.CLEAN.replace(
                "title: Alert when the pg_wal volume passes 80% on every Postgres primary",
                "title: \"\\e[2J\\e]8;;http://e\\e\\\\ok\\a\\x9b1m\\nx.md:1:1: error f\\n::error ::x\""));
        String[] args = new String[options.length + 1];
        args[0] = "lint";
        System.arraycopy(options, 0, args, 1, options.length);
        return Cli.in(dir).run(args);
    }

    /** The title as written. */
    private static final String TITLE = "\u001b[2J\u001b]8;;http://e\u001b\\ok\u0007\u009b1m\nx.md:1:1: error f\n::error ::x";

    /** The title as the human formats show it: each control character a visible escape, all on one line. */
    private static final String SHOWN_TITLE = "\\e[2J\\e]8;;http://e\\e\\ok\\x07\\x9b1m\\nx.md:1:1: error f\\n::error ::x";

    /** The second finding: the body's row is not in the front matter. */
    private static final String ROW_NOT_TRACKED = "action item 'Alert when the pg_wal volume passes 80% on every "
            + "Postgres…' is in the action-item table but not in the front matter's action_items, so pm overdue "
            + "cannot track it: add it there";

    private static void assertNoControlCharactersButLineEnds(String out) {
        assertThat(out.chars().filter(c -> c != '\n' && Visible.isControl((char) c)).boxed().toList())
                .as(out).isEmpty();
    }

    @Test
    void textShowsControlCharactersInTitlesAndFileNamesAsEscapesOneFindingALine() throws Exception {
        Cli.Result r = lintHostile();
        assertNoControlCharactersButLineEnds(r.out());
        List<String> lines = r.out().lines().toList();
        assertThat(lines).containsExactly(
                "postmortems/\\e[2J50%,a:b.md:10:5: warning action-items-out-of-sync action item '" + SHOWN_TITLE
                        + "' is in the front matter but not in the body: run 'pm lint --fix' to add it to the Action "
                        + "items table",
                "postmortems/\\e[2J50%,a:b.md:50:1: warning action-items-out-of-sync " + ROW_NOT_TRACKED,
                "2 warnings in 1 of 1 file", Report.TEXT_FOOTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkstyle", "junit"})
    void xmlFormatsStayWellFormedXmlAndKeepTheTextVisible(String format) throws Exception {
        Cli.Result r = lintHostile("--format", format);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(r.out())));
        assertThat(doc.getDocumentElement().getTextContent() + r.out()).contains("\\e[2J");
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void colouredTextKeepsPmsOwnColourCodesAndEscapesOnlyTheUsers() throws Exception {
        Cli.Result r = lintHostile("--color", "always");
        assertThat(r.out()).contains("\u001b[1mpostmortems/\\e[2J50%,a:b.md:10:5:\u001b[0m \u001b[33mwarning\u001b[0m")
                .contains("action item '" + SHOWN_TITLE + "'")
                .doesNotContain("\u001b[2J").doesNotContain("\u001b]").doesNotContain("\u0007").doesNotContain("\u009b");
        assertThat(r.out().lines()).hasSize(4);
        assertThat(r.out()).endsWith("\u001b[2m" + Report.TEXT_FOOTER + "\u001b[0m\n");
    }

    @Test
    void githubAnnotationsAreOneCommandAFindingEscapedAsTheRunnerReadsThem() throws Exception {
        Cli.Result r = lintHostile("--format", "github");
        assertNoControlCharactersButLineEnds(r.out());
        List<String> lines = r.out().lines().toList();
        // properties escape '%', ':' and ','; messages escape '%' (and CR and LF, which are no longer left in them)
        assertThat(lines).containsExactly(
                "::warning file=postmortems/\\e[2J50%25%2Ca%3Ab.md,line=10,col=5,endLine=10,endColumn=5,"
                        + "title=pm lint%3A action-items-out-of-sync::action item '" + SHOWN_TITLE + "' is in the front "
                        + "matter but not in the body: run 'pm lint --fix' to add it to the Action items table",
                "::warning file=postmortems/\\e[2J50%25%2Ca%3Ab.md,line=50,col=1,endLine=50,endColumn=103,"
                        + "title=pm lint%3A action-items-out-of-sync::" + ROW_NOT_TRACKED.replace("80%", "80%25"),
                "pm lint: 2 warnings in 1 of 1 file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "sarif"})
    void jsonAndSarifKeepTheTextAsWrittenInValidEscapedJson(String format) throws Exception {
        Cli.Result r = lintHostile("--format", format);
        // C0 characters are \\uXXXX or \\n escapes inside strings (DEL and C1 are valid JSON as they are)
        assertThat(r.out().chars().filter(c -> c != '\n' && c < 0x20).boxed().toList()).as(r.out()).isEmpty();
        assertThat(r.out()).contains("\\u001B[2J").contains("\\u0007").contains("\\n::error ::x");
        JsonNode json = new ObjectMapper().readTree(r.out());
        String message = format.equals("json") ? json.get(0).get("message").asText()
                : json.get("runs").get(0).get("results").get(0).get("message").get("text").asText();
        assertThat(message).startsWith("action item '" + TITLE + "' is in the front matter");
    }
}
