package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.cleanWith;
import static pm.lint.LintFixture.columnOf;
import static pm.lint.LintFixture.lineOf;
import static pm.lint.LintFixture.of;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pm.lint.Finding;
import pm.lint.LintFixture;
import pm.lint.LintSettings;

class BlameLanguageTest {
    private static final String ROOT_CAUSE = "The archiver read credentials once at start-up, so a rotation left it failing silently.";

    private static String rootCause(String text) {
        return cleanWith(ROOT_CAUSE, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "It was Bob's fault.",
        "Kevin should have noticed the disk filling up.",
        "The root cause was human error.",
        "The deploy was careless.",
        "Why didn't you check the dashboard?",
        "Any competent engineer would have seen it."})
    void flagsTextThatBlamesAPersonWithASuggestion(String sentence) {
        List<Finding> found = LintFixture.lint(rootCause(sentence)).stream()
                .filter(f -> f.rule().equals("blame-language")).toList();
        assertThat(found).as(sentence).isNotEmpty();
        assertThat(found).allSatisfy(f -> assertThat(f.suggestion()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The alert should have fired at 80%.",
        "The job failed to start.",
        "Human error is not a root cause; the restart command gave no warning.",
        "We ran git blame on the config file to find the change."})
    void leavesSystemsAndRejectionsOfBlameAlone(String sentence) {
        assertThat(of("blame-language", rootCause(sentence))).as(sentence).isEmpty();
    }

    @Test
    void reportsTheExactLineAndColumnOfThePhraseInTheOriginalFile() {
        String text = rootCause("The archiver kept failing. Root cause: human error.");
        int line = lineOf(text, "human error");
        assertThat(line).isGreaterThan(30); // counted from the top of the file, front matter included
        assertThat(LintFixture.lint(text)).filteredOn(f -> f.rule().equals("blame-language"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(line);
                    assertThat(f.column()).isEqualTo(columnOf(text, "human error"));
                    assertThat(f.span().endColumn()).isEqualTo(columnOf(text, "human error") + "human error".length() - 1);
                });
    }

    @Test
    void ignoresQuotationsCodeCommentsAndLinkTargets() {
        String text = rootCause("""
                The archiver failed.

                > Bob said it was his fault.

                Run `human error` as the flag name.

                ```
                it was Bob's fault
                ```

                <!-- the root cause was human error -->

                See [the graph](https://example.com/carelessness-was-the-cause).""");
        assertThat(of("blame-language", text)).isEmpty();
    }

    @Test
    void configuredPhrasesAreFlaggedAndAllowedPhrasesAreNot() {
        LintSettings d = LintFixture.DEFAULTS;
        LintSettings custom = new LintSettings(d.severities(), List.of("dropped the ball"), List.of("human error"),
                d.ownerPlaceholders(), d.requiredSections(), d.severityValues());
        String text = rootCause("The vendor dropped the ball. The root cause was human error.");
        assertThat(LintFixture.lint(text, custom)).filteredOn(f -> f.rule().equals("blame-language"))
                .extracting(f -> f.column()).containsExactly(columnOf(text, "dropped the ball"));
    }
}
