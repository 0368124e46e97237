package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.CLEAN;
import static pm.lint.LintFixture.cleanWith;
import static pm.lint.LintFixture.lineOf;
import static pm.lint.LintFixture.of;

import java.util.List;
import org.junit.jupiter.api.Test;
import pm.lint.LintFixture;
import pm.lint.LintSettings;
import pm.model.SectionKind;

/** vague-action-item, action-items-out-of-sync, missing-section, front-matter, no-process-action. */
class StructureRulesTest {
    private static final String ROW = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |";
    private static final String FM_ITEM = """
              - title: Alert when the pg_wal volume passes 80% on every Postgres primary
                owner: "@maria"
                due: 2025-03-28
                priority: P1
                status: open
            """;

    private static String withTitle(String title) {
        return CLEAN.replace("Alert when the pg_wal volume passes 80% on every Postgres primary", title);
    }

    // vague-action-item

    @Test
    void vagueActionItemsAreWarnedAboutOnceWithASuggestion() {
        for (String vague : List.of("Improve monitoring", "Be more careful", "Investigate", "Look into the archiver",
                "Remind the team about rotations", "Better communication", "Discuss at the next meeting")) {
            String text = withTitle(vague);
            assertThat(LintFixture.lint(text)).as(vague).filteredOn(f -> f.rule().equals("vague-action-item"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.line()).isEqualTo(lineOf(text, "- title: ")); // the front-matter twin
                        assertThat(f.column()).isEqualTo(12);
                        assertThat(f.suggestion()).isNotBlank();
                    });
        }
    }

    @Test
    void specificItemsPassEvenWhenTheyStartWithImproveOrInvestigate() {
        assertThat(of("vague-action-item", withTitle("Improve the disk alert by lowering its threshold from 95% to 85%")))
                .isEmpty();
        assertThat(of("vague-action-item", CLEAN)).isEmpty();
    }

    // action-items-out-of-sync

    @Test
    void aBodyItemMissingFromTheFrontMatterIsWarnedAbout() {
        String text = CLEAN.replace(ROW, ROW + "\n| Add a disk alert at 85% on db-1 | @sam | 2025-04-01 | P2 | open |");
        assertThat(of("action-items-out-of-sync", text)).containsExactly(lineOf(text, "| Add a disk") + ":1 action item "
                + "'Add a disk alert at 85% on db-1' is in the action-item table but not in the front matter's "
                + "action_items, so pm overdue cannot track it: add it there");
    }

    @Test
    void aFrontMatterItemMissingFromTheBodyIsWarnedAbout() {
        String text = CLEAN.replace(ROW + "\n", "");
        assertThat(of("action-items-out-of-sync", text)).containsExactly(lineOf(text, "- title:") + ":5 action item "
                + "'Alert when the pg_wal volume passes 80% on every Postgres…' is in the front matter but not "
                + "in the body: run 'pm lint --fix' to add it to the Action items table");
    }

    @Test
    void titlesMatchIgnoringCaseMarkupAndPunctuation() {
        String text = CLEAN.replace("| Alert when the pg_wal volume", "| alert when the `pg_wal` volume")
                .replace("every Postgres primary | @maria", "every Postgres primary. | @maria");
        assertThat(of("action-items-out-of-sync", text)).isEmpty();
    }

    @Test
    void withoutFrontMatterNothingIsUntracked() {
        String text = CLEAN.substring(CLEAN.indexOf("# Payment"));
        assertThat(of("action-items-out-of-sync", text)).isEmpty();
        assertThat(of("front-matter", text)).hasSize(1);
    }

    // missing-section

    @Test
    void anAbsentSectionIsReportedAtTheStartOfTheBody() {
        String text = CLEAN.replace("## Lessons learned\n\nA component that fails quietly is as dangerous as one that "
                + "fails loudly.\n", "");
        assertThat(of("missing-section", text)).containsExactly(lineOf(text, "# Payment API outage") + ":1 no "
                + "'Lessons learned' section: add '## Lessons learned' with what we now know about our systems");
    }

    @Test
    void aSectionHoldingOnlyTheTemplatePromptOrNothingIsReportedAtItsHeading() {
        String text = cleanWith("12,400 card payments failed.", "<!-- Who and what was affected? Use numbers. -->")
                .replace("The error-rate alert fired within seven minutes.\n", "");
        assertThat(of("missing-section", text)).containsExactly(
                lineOf(text, "## Impact") + ":1 section 'Impact assessment' still holds only the template prompt: "
                        + "replace it with who and what was affected and how much, in numbers",
                lineOf(text, "## What went well") + ":1 section 'What went well' is empty: write what helped "
                        + "detection and recovery");
    }

    @Test
    void aTableWithOnlyItsHeaderIsNotContent() {
        String text = CLEAN.replace("| 09:12 | pg_wal volume reaches 100% | Postgres logs |\n"
                + "| 09:19 | Error-rate alert pages the on-call | PagerDuty |\n", "");
        assertThat(of("missing-section", text)).singleElement().asString().contains("section 'Timeline' is empty");
    }

    @Test
    void headingsMatchSynonymsCaseAndLevel() {
        String text = CLEAN.replace("## Impact assessment", "### IMPACT").replace("## Root cause analysis", "## Root causes")
                .replace("## Action items", "## Follow-ups").replace("## Lessons learned", "## Learnings");
        assertThat(of("missing-section", text)).isEmpty();
    }

    @Test
    void requiredSectionsAreConfigurable() {
        String text = CLEAN.substring(0, CLEAN.indexOf("## Timeline"));
        LintSettings d = LintFixture.DEFAULTS;
        LintSettings onlySummary = new LintSettings(d.severities(), List.of(), List.of(), d.ownerPlaceholders(),
                List.of(SectionKind.SUMMARY), d.severityValues());
        assertThat(LintFixture.lint(text, onlySummary)).filteredOn(f -> f.rule().equals("missing-section")).isEmpty();
        assertThat(of("missing-section", text)).hasSize(7);
    }

    // front-matter

    @Test
    void noFrontMatterIsOneErrorAtTheTop() {
        assertThat(of("front-matter", "# Outage\n\n## Summary\n\nIt broke.\n")).singleElement().asString()
                .startsWith("1:1 no front matter: start the file with a '---' line");
    }

    @Test
    void yamlSyntaxErrorsCarryTheirLine() {
        String text = CLEAN.replace("status: published", "status: [published");
        assertThat(of("front-matter", text)).singleElement().asString().startsWith(lineOf(text, "incident:") + ":")
                .contains("front matter YAML");
    }

    @Test
    void wrongTypesUnknownValuesImpossibleDatesAndResolvedBeforeStarted() {
        String text = CLEAN.replace("severity: SEV2", "severity: critical").replace("status: published", "status: done")
                .replace("date: 2025-03-14", "date: 2025-02-30")
                .replace("resolved: 2025-03-14T10:02:00Z", "resolved: 2025-03-14T08:00:00Z");
        assertThat(of("front-matter", text)).extracting(s -> s.replaceFirst(" .*", "")).containsExactly(
                lineOf(text, "date:") + ":7", lineOf(text, "severity:") + ":11", lineOf(text, "status:") + ":9",
                lineOf(text, "resolved:") + ":13");
        assertThat(of("front-matter", text)).anySatisfy(s -> assertThat(s).contains("severity 'critical' is not one of "
                + "SEV1, SEV2, SEV3, SEV4")).anySatisfy(s -> assertThat(s).contains("not a real calendar date"))
                .anySatisfy(s -> assertThat(s).contains("incident.resolved (2025-03-14T08:00:00Z) is before "
                        + "incident.started"));
        assertThat(of("front-matter", CLEAN.replace("title: Payment API outage", "title: [a, b]")))
                .singleElement().asString().contains("title must be text, not a list");
    }

    @Test
    void titleDateAndSeverityAreRequired() {
        String text = CLEAN.replace("title: Payment API outage\n", "").replace("severity: SEV2", "severity:");
        assertThat(of("front-matter", text)).containsExactly(
                "1:1 front matter has no title: add 'title: <what broke, in a few words>'",
                lineOf(text, "severity:") + ":1 severity is empty: write 'severity: <one of SEV1, SEV2, SEV3, SEV4>'");
    }

    // no-process-action

    @Test
    void onlyOneOffFixesIsWarnedAboutAtTheActionItemsHeading() {
        String text = withTitle("Restart the archiver on db-1");
        assertThat(of("no-process-action", text)).singleElement().asString()
                .startsWith(lineOf(text, "## Action items") + ":1 every action item is a one-off fix");
    }

    @Test
    void oneItemThatChangesTheSystemIsEnough() {
        String text = CLEAN.replace(FM_ITEM, FM_ITEM + """
                  - title: Restart the archiver on db-1
                    owner: "@sam"
                    due: 2025-03-15
                    priority: P0
                """).replace(ROW, ROW + "\n| Restart the archiver on db-1 | @sam | 2025-03-15 | P0 | |");
        assertThat(LintFixture.lint(text)).isEmpty();
    }

    @Test
    void itemsItCannotClassifyAreNeverFlagged() {
        assertThat(of("no-process-action", withTitle("Ask the vendor about their roadmap for Q3"))).isEmpty();
    }
}
