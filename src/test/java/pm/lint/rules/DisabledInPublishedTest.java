package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.CLEAN;
import static pm.lint.LintFixture.lineOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pm.lint.Finding;
import pm.lint.LintFixture;
import pm.lint.LintSettings;
import pm.lint.Severity;

/**
 * disabled-in-published: in a published postmortem, a switch that keeps rules off for the rest of the file is
 * reported (info) at the comment, with what it silences; drafts, postmortems in review and reviewed ones are left
 * alone, as are switches that end (pm-enable) or cover one line.
 */
class DisabledInPublishedTest {
    private static final String ROOT_CAUSE = "The archiver read credentials once at start-up, so a rotation left it "
            + "failing silently.";
    private static final String ID = "disabled-in-published";

    /** The clean (published) file with {@code text} after its root cause. */
    private static String with(String text) {
        return LintFixture.cleanWith(ROOT_CAUSE, ROOT_CAUSE + "\n\n" + text);
    }

    private static String status(String text, String status) {
        return text.replace("status: published\n", status == null ? "" : "status: " + status + "\n");
    }

    private static List<Finding> findings(String text) {
        return LintFixture.lint(text).stream().filter(f -> f.rule().equals(ID)).toList();
    }

    @Test
    void aFileSwitchInAPublishedPostmortemIsReportedAtTheCommentAsInfoNamingTheRulesItSilences() {
        String text = with("<!-- pm-disable-file missing-section, blame-language -->");
        assertThat(findings(text)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.line()).isEqualTo(lineOf(text, "<!-- pm-disable-file"));
            assertThat(f.column()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("pm-disable-file still silences missing-section, blame-language in this "
                    + "published postmortem: fix what it hides and remove the comment, or add disabled-in-published to "
                    + "it to keep it on purpose");
        });
    }

    @Test
    void aBlanketFileSwitchSilencesEveryRuleButItsOwnReport() {
        String text = with("It was human error.\n\n<!-- pm-disable-file -->").replace("| 09:19 |", "| 09:00 |");
        assertThat(LintFixture.lint(text)).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ID, "pm-disable-file still silences every rule in this published "
                        + "postmortem: fix what it hides and remove the comment, or add disabled-in-published to it to "
                        + "keep it on purpose"));
        // so is a blanket switch above it, or on the line before it
        assertThat(findings(text.replace("# Payment API outage\n", "# Payment API outage\n\n<!-- pm-disable -->\n")))
                .hasSize(2);
        assertThat(findings(with("<!-- pm-disable-next-line -->\n<!-- pm-disable-file timeline-order -->")))
                .hasSize(1);
    }

    @Test
    void aDisableThatIsNeverSwitchedBackOnIsReportedWithWhatStaysOff() {
        String open = with("<!-- pm-disable timeline-order vague-action-item -->\n\nText.\n\n"
                + "<!-- pm-enable vague-action-item -->");
        assertThat(findings(open)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(lineOf(open, "<!-- pm-disable timeline-order"));
            assertThat(f.message()).startsWith("pm-disable still silences timeline-order to the end of the file (no "
                    + "pm-enable follows) in this published postmortem:");
        });
        String blanket = with("<!-- pm-disable -->\n\nText.\n\n<!-- pm-enable blame-language -->");
        assertThat(findings(blanket)).singleElement().extracting(Finding::message).asString()
                .startsWith("pm-disable still silences every rule but blame-language to the end of the file");
    }

    @Test
    void aDisableThatIsSwitchedBackOnOrCoversOneLineIsNotReported() {
        assertThat(findings(with("<!-- pm-disable blame-language -->\n\nIt was human error.\n\n"
                + "<!-- pm-enable blame-language -->"))).isEmpty();
        assertThat(findings(with("<!-- pm-disable blame-language timeline-order -->\n\nText.\n\n"
                + "<!-- pm-enable timeline-order -->\n<!-- pm-enable blame-language -->"))).isEmpty();
        assertThat(findings(with("<!-- pm-disable -->\n\nText.\n\n<!-- pm-enable -->"))).isEmpty();
        assertThat(findings(with("<!-- pm-disable-next-line blame-language -->\nIt was human error."))).isEmpty();
        // an enable before the disable switches nothing back on
        assertThat(findings(with("<!-- pm-enable blame-language -->\n\n<!-- pm-disable blame-language -->")))
                .hasSize(1);
    }

    @Test
    void onlyPublishedPostmortemsAreChecked() {
        String text = with("<!-- pm-disable-file missing-section -->\n\n<!-- pm-disable timeline-order -->");
        assertThat(findings(text)).hasSize(2);
        assertThat(findings(status(text, "Published"))).hasSize(2);
        for (String status : new String[] {"draft", "in-review", "reviewed", null, "approved"}) {
            assertThat(findings(status(text, status))).as(status).isEmpty();
        }
    }

    @Test
    void namingTheRuleInTheCommentKeepsTheSwitchOnPurpose() {
        assertThat(findings(with("<!-- pm-disable-file missing-section disabled-in-published -->"))).isEmpty();
        assertThat(findings(with("<!-- pm-disable-file disabled-in-published -->"))).isEmpty();
        // one comment naming it covers the others in the file, as pm-disable-file does for any rule
        assertThat(findings(with("<!-- pm-disable-file disabled-in-published -->\n\n<!-- pm-disable-file -->")))
                .isEmpty();
        // and the rules it names stay silenced
        String kept = with("It was human error.\n\n<!-- pm-disable-file blame-language disabled-in-published -->");
        assertThat(LintFixture.lint(kept)).isEmpty();
    }

    @Test
    void aTeamTurnsItOffInPmYmlOrRaisesIt() {
        String text = with("<!-- pm-disable-file missing-section -->");
        LintSettings d = LintFixture.DEFAULTS;
        java.util.Map<String, Severity> off = new java.util.HashMap<>(d.severities());
        off.remove(ID);
        assertThat(LintFixture.lint(text, new LintSettings(off, List.of(), List.of(), d.ownerPlaceholders(),
                d.requiredSections(), d.severityValues()))).isEmpty();
        Map<String, Severity> warn = new java.util.HashMap<>(d.severities());
        warn.put(ID, Severity.WARNING);
        assertThat(LintFixture.lint(text, new LintSettings(warn, List.of(), List.of(), d.ownerPlaceholders(),
                d.requiredSections(), d.severityValues()))).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void aPublishedPostmortemWithoutSwitchesPasses() {
        assertThat(findings(CLEAN)).isEmpty();
        assertThat(findings(with("<!-- a note for the reviewers, not a switch -->"))).isEmpty();
    }
}
