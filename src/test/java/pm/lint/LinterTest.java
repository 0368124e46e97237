package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {
    @Test
    void theCleanPostmortemPassesEveryRule() {
        assertThat(LintFixture.lint(LintFixture.CLEAN)).isEmpty();
    }

    @Test
    void findingsComeInFileOrderWithRuleSeverityAndFile() {
        String text = LintFixture.cleanWith("The archiver read", "Human error. The archiver read")
                .replace("| 09:19 |", "| 09:00 |");
        List<Finding> found = LintFixture.lint(text);
        assertThat(found).extracting(Finding::rule).containsExactly("timeline-order", "blame-language");
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(found.get(1).severity()).isEqualTo(Severity.ERROR);
        assertThat(found).allSatisfy(f -> assertThat(f.file()).isEqualTo("pm.md"));
    }

    @Test
    void crlfAndBomFilesGiveExactlyTheFindingsOfTheCleanFile() {
        String text = LintFixture.cleanWith("The archiver read", "It was Bob's fault: the archiver read")
                .replace("| 09:19 |", "| 09:00 |")
                .replace("priority: P1\n", "")
                .replace("## What went well\n\nThe error-rate alert fired within seven minutes.\n",
                        "## What went well\n\n<!-- prompt -->\n");
        List<Finding> lf = LintFixture.lint(text);
        assertThat(lf).hasSizeGreaterThanOrEqualTo(4);
        List<Finding> crlf = LintFixture.lint(text.replace("\n", "\r\n"));
        List<Finding> bom = LintFixture.lint("\uFEFF" + text);
        List<Finding> both = LintFixture.lint("\uFEFF" + text.replace("\n", "\r\n"));
        assertThat(crlf).isEqualTo(lf);
        assertThat(bom).isEqualTo(lf);
        assertThat(both).isEqualTo(lf);
    }

    @Test
    void aRuleTurnedOffIsNotRunAndASeverityCanBeChanged() {
        String text = LintFixture.cleanWith("| 09:19 |", "| 09:00 |");
        java.util.Map<String, Severity> sev = new java.util.HashMap<>(LintFixture.DEFAULTS.severities());
        sev.put("timeline-order", Severity.ERROR);
        LintSettings s = LintFixture.DEFAULTS;
        LintSettings raised = new LintSettings(sev, s.blamePhrases(), s.allowedPhrases(), s.ownerPlaceholders(),
                s.requiredSections(), s.severityValues());
        assertThat(LintFixture.lint(text, raised)).extracting(Finding::severity).containsExactly(Severity.ERROR);
        sev.remove("timeline-order");
        LintSettings off = new LintSettings(sev, s.blamePhrases(), s.allowedPhrases(), s.ownerPlaceholders(),
                s.requiredSections(), s.severityValues());
        assertThat(LintFixture.lint(text, off)).isEmpty();
    }

    @Test
    void columnsCountUtf16CodeUnitsSoAnEmojiCountsTwo() {
        String plain = LintFixture.cleanWith("The archiver read", "Human error. The archiver read");
        String emoji = LintFixture.cleanWith("The archiver read", "🔥 Human error. The archiver read");
        Finding before = LintFixture.lint(plain).get(0);
        Finding after = LintFixture.lint(emoji).get(0);
        assertThat(after.line()).isEqualTo(before.line());
        assertThat(after.column()).isEqualTo(before.column() + "🔥 ".length()).isEqualTo(before.column() + 3);
    }
}
