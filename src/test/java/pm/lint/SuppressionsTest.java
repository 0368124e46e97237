package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.cleanWith;

import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final String ROOT_CAUSE = "The archiver read credentials once at start-up, so a rotation left it failing silently.";

    private static String rootCause(String text) {
        return cleanWith(ROOT_CAUSE, text);
    }

    private static long blame(String text) {
        return LintFixture.lint(text).stream().filter(f -> f.rule().equals("blame-language")).count();
    }

    @Test
    void disableNextLineSilencesOnlyTheNextLine() {
        String text = rootCause("<!-- pm-disable-next-line blame-language -->\nIt was human error.\n\nIt was human error.");
        assertThat(blame(text)).isEqualTo(1);
        assertThat(LintFixture.lint(text)).filteredOn(f -> f.rule().equals("blame-language")).singleElement()
                .extracting(Finding::line).isEqualTo(LintFixture.lineOf(text, "It was human error.\n\nIt") + 2);
    }

    @Test
    void disableAndEnableMarkARegion() {
        String text = rootCause("<!-- pm-disable blame-language -->\n\nIt was human error.\n\nIt was Bob's fault.\n\n"
                + "<!-- pm-enable blame-language -->\n\nIt was human error.");
        assertThat(blame(text)).isEqualTo(1);
    }

    @Test
    void withoutAnIdEveryRuleIsSilenced() {
        // every rule but disabled-in-published, which reports such a comment in a published postmortem (the fixture
        // is published) and which only a comment naming it silences
        String text = rootCause("<!-- pm-disable -->\n\nIt was human error.").replace("| 09:19 |", "| 09:00 |");
        assertThat(LintFixture.lint(text)).extracting(Finding::rule).containsExactly("timeline-order", // above it
                "disabled-in-published");
        String file = rootCause("It was human error.").replace("# Payment API outage",
                "# Payment API outage\n\n<!-- pm-disable-file -->").replace("| 09:19 |", "| 09:00 |");
        assertThat(LintFixture.lint(file)).extracting(Finding::rule).containsExactly("disabled-in-published");
        assertThat(LintFixture.lint(file.replace("status: published", "status: draft"))).isEmpty();
    }

    @Test
    void disableFileWithAnIdSilencesThatRuleEverywhereEvenAboveTheComment() {
        String text = rootCause("It was human error.\n\n<!-- pm-disable-file blame-language, timeline-order -->")
                .replace("| 09:19 |", "| 09:00 |").replace("severity: SEV2", "severity: SEV9");
        assertThat(LintFixture.lint(text)).extracting(Finding::rule).containsExactly("front-matter",
                "disabled-in-published"); // the comment, in a published postmortem
        assertThat(LintFixture.lint(text.replace("status: published", "status: in-review")))
                .extracting(Finding::rule).containsExactly("front-matter");
    }

    @Test
    void anotherRulesIdDoesNotSilenceThisOne() {
        String text = rootCause("<!-- pm-disable-next-line timeline-order -->\nIt was human error.");
        assertThat(blame(text)).isEqualTo(1);
    }

    @Test
    void enableWithAnIdReopensOnlyThatRule() {
        String text = rootCause("<!-- pm-disable -->\n<!-- pm-enable blame-language -->\n\nIt was human error.")
                .replace("| 09:12 |", "| 09:12 |");
        assertThat(blame(text)).isEqualTo(1);
    }
}
