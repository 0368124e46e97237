package pm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import pm.lint.LintFixture;
import pm.testing.Cli;

/**
 * The checkstyle, gitlab and junit formats, each checked against what its consumers read: an XML Schema
 * (javax.xml.validation) for Checkstyle and JUnit, GitLab's documented Code Quality fields as a JSON Schema. The
 * schemas are in {@code src/test/resources/pm/report/schemas}, each naming its sources.
 */
class ConsumerFormatsTest {
    @TempDir
    Path dir;

    /** An action item whose title holds what XML and JSON must escape, and a control character. */
    static final String NASTY_ROW = "| Quote \"<b>&amp;</b>\" ]]> and \u001b[31m's ' in the restart script | TBD | "
            + "2025-03-01 | P2 | open |";

    @BeforeEach
    void postmortems() throws Exception {
        Files.createDirectories(dir.resolve("postmortems"));
        Files.createDirectories(dir.resolve(".git")); // the repository's root, for GitLab's paths
        Files.writeString(dir.resolve("postmortems/fixture.md"), resource("fixture.md"));
        Files.writeString(dir.resolve("postmortems/clean.md"), LintFixture.CLEAN);
        Files.writeString(dir.resolve("postmortems/nasty.md"), resource("fixture.md").replace(
                "| Warm the cache before a restart, in the restart script | TBD | 2025-03-01 | P2 | open |", NASTY_ROW));
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ConsumerFormatsTest.class.getResourceAsStream("/pm/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Schema xsd(String name) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try (InputStream in = ConsumerFormatsTest.class.getResourceAsStream("/pm/report/schemas/" + name)) {
            return f.newSchema(new StreamSource(in));
        }
    }

    private static void validate(Schema schema, String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private Cli.Result lint(String format, String... paths) {
        List<String> args = new ArrayList<>(List.of("lint", "--format", format));
        args.addAll(List.of(paths));
        return Cli.in(dir).run(args.toArray(String[]::new));
    }

    @Test
    void checkstyleIsValidAgainstTheCheckstyleSchemaAndHoldsEveryFinding() throws Exception {
        Cli.Result r = lint("checkstyle");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        validate(xsd("checkstyle.xsd"), r.out());
        Document doc = parse(r.out());
        NodeList files = doc.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(3); // every file checked, the clean one too
        int errors = doc.getElementsByTagName("error").getLength();
        assertThat(errors).isEqualTo(lintJson().size());
        String nastyMessage = null;
        NodeList all = doc.getElementsByTagName("error");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.getAttribute("source")).startsWith("pm.lint.");
            if (e.getAttribute("message").contains("Quote")) {
                nastyMessage = e.getAttribute("message");
            }
        }
        assertThat(nastyMessage).as("the title survives escaping").contains("\"&amp;\" ]]> and \\e[31m's '");
    }

    @Test
    void theCheckstyleSchemaRefusesWhatItsReadersCouldNotUse() throws Exception {
        Schema schema = xsd("checkstyle.xsd");
        assertThatThrownBy(() -> validate(schema, "<checkstyle><file name=\"a.md\"><error line=\"0\" severity=\"error\" "
                + "message=\"m\" source=\"pm.lint.x\"/></file></checkstyle>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(schema, "<checkstyle><file name=\"a.md\"><error line=\"3\" severity=\"error\" "
                + "message=\"m\" source=\"blame-language\"/></file></checkstyle>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(schema, "<checkstyle><file name=\"a.md\"><error line=\"3\" severity=\"fatal\" "
                + "message=\"m\" source=\"pm.lint.x\"/></file></checkstyle>")).isInstanceOf(SAXException.class);
    }

    @Test
    void junitIsValidAgainstTheJunitSchemaWithOneTestCaseAFileAndAFailureAnError() throws Exception {
        Cli.Result r = lint("junit");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        validate(xsd("junit.xsd"), r.out());
        Document doc = parse(r.out());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        long errors = 0;
        for (JsonNode f : lintJson()) {
            errors += f.get("severity").asText().equals("error") ? 1 : 0;
        }
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) errors);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2"); // fixture.md and nasty.md; clean.md passes
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("postmortems/clean.md")) {
                assertThat(c.getElementsByTagName("failure").getLength()).isZero();
            }
        }
        assertThatThrownBy(() -> validate(xsd("junit.xsd"), "<testsuites><testsuite name=\"x\" tests=\"1\">"
                + "<testcase name=\"a\"/></testsuite></testsuites>")).isInstanceOf(SAXException.class);
    }

    private List<JsonNode> lintJson() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(lint("json").out()).forEach(out::add);
        return out;
    }

    private JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(resource("schemas/gitlab-codequality.schema.json"));
    }

    @Test
    void gitlabHasEveryFieldGitlabDocumentsWithUniqueFingerprintsAndPathsFromTheRepositoryRoot() throws Exception {
        // run from inside the postmortems folder: GitLab still needs the path from the repository's root
        Cli.Result r = Cli.in(dir.resolve("postmortems")).run("lint", "--format", "gitlab", ".");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(CodeQualitySchema.problems(schema(), report)).isEmpty();
        assertThat(report.size()).isEqualTo(lintJson().size());
        HashSet<String> fingerprints = new HashSet<>();
        for (JsonNode issue : report) {
            assertThat(fingerprints.add(issue.get("fingerprint").asText())).as(issue.toString()).isTrue();
            assertThat(issue.get("location").get("path").asText()).startsWith("postmortems/");
            if (issue.get("check_name").asText().equals("action-item-owner")) {
                assertThat(issue.get("severity").asText()).isEqualTo("major");
            }
        }
        JsonNode broken = new ObjectMapper().readTree("[{\"description\": \"d\", \"check_name\": \"c\", "
                + "\"fingerprint\": \"f\", \"severity\": \"error\", \"location\": {\"path\": \"/abs.md\", "
                + "\"lines\": {}}}]");
        assertThat(CodeQualitySchema.problems(schema(), broken)).containsExactlyInAnyOrder(
                "$[0].severity: \"error\" is not one of [\"info\",\"minor\",\"major\",\"critical\",\"blocker\"]",
                "$[0].location.path: '/abs.md' does not match ^[^/]", "$[0].location.lines: no begin");
    }

    @Test
    void aFingerprintStaysWhenLinesAreAddedAboveItsFinding() throws Exception {
        JsonNode before = new ObjectMapper().readTree(lint("gitlab", "postmortems/fixture.md").out());
        Files.writeString(dir.resolve("postmortems/fixture.md"), resource("fixture.md")
                .replace("## What went poorly", "A new paragraph.\n\nAnd another.\n\n## What went poorly"));
        JsonNode after = new ObjectMapper().readTree(lint("gitlab", "postmortems/fixture.md").out());
        assertThat(after.size()).isEqualTo(before.size());
        boolean moved = false;
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("fingerprint")).isEqualTo(before.get(i).get("fingerprint"));
            moved |= after.get(i).get("location").get("lines").get("begin").asInt()
                    != before.get(i).get("location").get("lines").get("begin").asInt();
        }
        assertThat(moved).as("the lines did move").isTrue();
    }

    @Test
    void twoFindingsWithTheSameRuleAndMessageInAFileHaveDifferentFingerprints() {
        List<pm.lint.Finding> twice = List.of(
                new pm.lint.Finding("a.md", pm.model.Span.at(3, 1), "timeline-order", pm.lint.Severity.WARNING, "m", null),
                new pm.lint.Finding("a.md", pm.model.Span.at(9, 1), "timeline-order", pm.lint.Severity.WARNING, "m", null));
        java.io.StringWriter out = new java.io.StringWriter();
        GitlabReport report = new GitlabReport(new java.io.PrintWriter(out), s -> s);
        report.file("a.md", twice);
        report.finish(0, 0);
        assertThat(out.toString()).containsOnlyOnce(GitlabReport.fingerprint("a.md\u0000timeline-order\u0000m\u00000"))
                .containsOnlyOnce(GitlabReport.fingerprint("a.md\u0000timeline-order\u0000m\u00001"));
    }

    @Test
    void xmlEscapingKeepsEveryStringReadable() throws Exception {
        String nasty = "a<b>&\"'\n\t\r\u0001\u001b\ud800x\uffff\ud83d\ude00]]>\u009b\u2028";
        String xml = "<r a=\"" + Xml.attribute(nasty) + "\">" + Xml.text(nasty) + "</r>";
        assertThat(xml.chars().filter(c -> c != '\n' && c != '\t' && Visible.isControl((char) c)).count()).as(xml)
                .isZero();
        Document doc = parse(xml);
        String expected = "a<b>&\"'\n\t\r\\x01\\e\\ud800x\\uffff\ud83d\ude00]]>\u009b\u2028";
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo(expected);
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(expected);
    }
}
