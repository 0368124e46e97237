package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.io.InputException;
import pm.lint.rules.Rules;

/**
 * A draft may be unfinished: while {@code status: draft}, the rules about completeness report as warnings that say
 * so; blame and what is written wrong stay errors; in review and after, and with {@code --strict}, every rule reports
 * as configured.
 */
class DraftsTest {
    /** The clean postmortem, unfinished: a section with only its prompt, an item with no owner, due date or priority. */
    private static String unfinished(String status) {
        return LintFixture.cleanWith("status: published", "status: " + status)
                .replace("## What went well\n\nThe error-rate alert fired within seven minutes.\n",
                        "## What went well\n\n<!-- What helped detection and recovery? -->\n")
                .replace("    owner: \"@maria\"\n    due: 2025-03-28\n    priority: P1\n", "")
                .replace("| @maria | 2025-03-28 | P1 |", "| | | |") // the table as unfinished as the front matter
                .replace("severity: SEV2", "severity:");
    }

    private static List<Finding> lint(String text, boolean strict) {
        return new Linter(LintFixture.DEFAULTS, Rules.ALL, strict).lint(LintFixture.parse(text), "pm.md");
    }

    private static List<String> shown(List<Finding> found) {
        return found.stream().map(f -> f.severity().id() + " " + f.rule() + (f.note() == null ? "" : " (" + f.note()
                + ")")).toList();
    }

    @Test
    void aDraftsUnfinishedPartsAreWarningsThatSayWhatTheyBecomeInReview() {
        List<Finding> draft = lint(unfinished("draft"), false);
        assertThat(shown(draft)).contains(
                "warning front-matter (draft; an error from in-review)",
                "warning missing-section (draft; an error from in-review)",
                "warning action-item-owner (draft; an error from in-review)",
                "warning action-item-due (draft; an error from in-review)",
                "warning action-item-priority (draft; an error from in-review)");
        assertThat(draft).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(draft).allSatisfy(f -> assertThat(f.relaxedFrom()).isEqualTo(Severity.ERROR));
    }

    @Test
    void inReviewPublishedOrWithoutAStatusEveryRuleReportsAsConfigured() {
        List<Finding> draft = lint(unfinished("draft"), false);
        for (String status : new String[] {"in-review", "published"}) {
            List<Finding> review = lint(unfinished(status), false);
            assertThat(review).extracting(Finding::rule).isEqualTo(draft.stream().map(Finding::rule).toList());
            assertThat(review).allSatisfy(f -> {
                assertThat(f.severity()).as(status + " " + f).isEqualTo(Severity.ERROR);
                assertThat(f.note()).isNull();
            });
        }
        List<Finding> noStatus = lint(unfinished("draft").replace("status: draft\n", ""), false);
        assertThat(noStatus).filteredOn(f -> !f.rule().equals("front-matter")).allSatisfy(f ->
                assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(lint(unfinished("draft"), true)).as("--strict: as if in review").allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.note()).isNull();
        });
    }

    @Test
    void blameAndWhatIsWrittenWrongStayErrorsInADraft() {
        String text = unfinished("draft").replace("severity:", "severity: critical")
                .replace("The archiver read", "It was Bob's fault: the archiver read")
                .replace("date: 2025-03-14", "date: 2025-02-30")
                .replace("  - title: Alert when", "  - priority: P7\n    title: Alert when");
        List<Finding> found = lint(text, false);
        assertThat(found).filteredOn(f -> f.rule().equals("blame-language")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(found).filteredOn(f -> f.rule().equals("front-matter")).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).as(f.message()).isEqualTo(Severity.ERROR);
            assertThat(f.note()).isNull();
        });
        assertThat(found).filteredOn(f -> f.rule().equals("action-item-priority")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("'P7'");
                    assertThat(f.severity()).as("an unknown priority is wrong, not missing").isEqualTo(Severity.ERROR);
                });
        assertThat(found).filteredOn(f -> f.rule().equals("missing-section"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aTeamChoosesWhatDraftsRelaxAndHowFar(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), """
                lint:
                  rules:
                    action-item-owner: warning
                  drafts:
                    missing-section: info
                    action-item-due: off
                    vague-action-item: info
                """);
        LintSettings s = LintSettings.of(Config.load(dir), Rules.metas());
        String text = unfinished("draft").replace("Alert when the pg_wal volume passes 80% on every Postgres primary",
                "Improve monitoring");
        List<Finding> found = new Linter(s, Rules.ALL).lint(LintFixture.parse(text), "pm.md");
        assertThat(shown(found)).contains("info missing-section (draft; an error from in-review)",
                "info vague-action-item (draft; a warning from in-review)",
                "warning action-item-owner", "warning action-item-priority (draft; an error from in-review)")
                .noneMatch(line -> line.contains("action-item-due"));

        Files.writeString(dir.resolve(".pm.yml"), "lint:\n  drafts: off\n");
        LintSettings none = LintSettings.of(Config.load(dir), Rules.metas());
        assertThat(new Linter(none, Rules.ALL).lint(LintFixture.parse(unfinished("draft")), "pm.md"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aConfigCannotRelaxBlameNorNameAnUnknownRuleOrLevel(@TempDir Path dir) throws Exception {
        for (String[] bad : new String[][] {
                {"  drafts:\n    blame-language: warning\n", ".pm.yml:3", "lint.drafts cannot relax blame-language"},
                {"  drafts:\n    missing-sections: warning\n", ".pm.yml:3", "unknown rule 'missing-sections' in lint.drafts"},
                {"  drafts:\n    missing-section: later\n", ".pm.yml:3", "lint.drafts.missing-section: 'later' is not a"},
                {"  drafts: [missing-section]\n", ".pm.yml:2", "lint.drafts must map rule ids"}}) {
            Files.writeString(dir.resolve(".pm.yml"), "lint:\n" + bad[0]);
            assertThatThrownBy(() -> LintSettings.of(Config.load(dir), Rules.metas()))
                    .isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(
                            Integer.parseInt(bad[1].substring(bad[1].indexOf(':') + 1))))
                    .hasMessageContaining(bad[2]);
        }
    }

    @Test
    void theCacheKeepsWhatADraftsFindingsAre(@TempDir Path dir) throws Exception {
        List<Finding> found = lint(unfinished("draft"), false);
        LintCache cache = LintCache.open(dir.resolve("c"), "k");
        cache.put("x", found, true);
        cache.save();
        LintCache.Known back = LintCache.open(dir.resolve("c"), "k").get("x", "other.md");
        assertThat(back.draft()).isTrue();
        assertThat(back.findings()).extracting(Finding::note).isEqualTo(found.stream().map(Finding::note).toList());
        assertThat(back.findings()).extracting(Finding::firm).isEqualTo(found.stream().map(Finding::firm).toList());
        assertThat(back.findings()).allSatisfy(f -> assertThat(f.file()).isEqualTo("other.md"));
    }
}
