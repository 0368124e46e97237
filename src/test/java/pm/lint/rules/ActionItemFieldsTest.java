package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.CLEAN;
import static pm.lint.LintFixture.lineOf;
import static pm.lint.LintFixture.of;

import java.util.List;
import org.junit.jupiter.api.Test;
import pm.lint.Finding;
import pm.lint.LintFixture;
import pm.lint.LintSettings;

/** action-item-owner, action-item-due and action-item-priority. */
class ActionItemFieldsTest {
    private static final String ROW = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |";

    /** The clean file with one more row in the table and nothing in the front matter for it. */
    private static String withRow(String row) {
        return CLEAN.replace(ROW, ROW + "\n" + row);
    }

    /** The clean file with its front-matter item (and table row) replaced. */
    private static String withFrontMatterItem(String yaml) {
        return CLEAN.replace("""
                  - title: Alert when the pg_wal volume passes 80% on every Postgres primary
                    owner: "@maria"
                    due: 2025-03-28
                    priority: P1
                    status: open
                """, yaml).replace(ROW + "\n", "");
    }

    @Test
    void aTableRowWithoutOwnerDueAndPriorityGetsOneErrorEach() {
        String text = withRow("| Add a disk alert at 85% on db-1 | | | | open |");
        int line = lineOf(text, "| Add a disk alert");
        assertThat(of("action-item-owner", text)).containsExactly(line + ":1 action item 'Add a disk alert at 85% "
                + "on db-1' has no owner: name the one person (or @handle) who will drive it");
        assertThat(of("action-item-due", text)).containsExactly(line + ":1 action item 'Add a disk alert at 85% on "
                + "db-1' has no due date: add one as YYYY-MM-DD");
        assertThat(of("action-item-priority", text)).containsExactly(line + ":1 action item 'Add a disk alert at 85% "
                + "on db-1' has no priority: add one of P0 (now), P1, P2, P3 (someday)");
    }

    @Test
    void placeholderOwnersCountAsMissing() {
        for (String owner : List.of("TBD", "?", "none", "n/a", "the team", "Everyone")) {
            String text = withRow("| Add a disk alert at 85% on db-1 | " + owner + " | 2025-04-01 | P1 | open |");
            assertThat(of("action-item-owner", text)).as(owner).singleElement().asString()
                    .contains("has owner '" + owner + "', which names nobody");
        }
    }

    @Test
    void theOwnerPlaceholderListIsConfigurable() {
        String text = withRow("| Add a disk alert at 85% on db-1 | SRE | 2025-04-01 | P1 | open |");
        LintSettings d = LintFixture.DEFAULTS;
        LintSettings custom = new LintSettings(d.severities(), List.of(), List.of(), List.of("sre"),
                d.requiredSections(), d.severityValues());
        assertThat(LintFixture.lint(text, custom)).filteredOn(f -> f.rule().equals("action-item-owner")).hasSize(1);
        assertThat(of("action-item-owner", text)).isEmpty();
    }

    @Test
    void aDueDateThatDoesNotParseCountsAsMissingAndTheMessageSaysWhy() {
        assertThat(of("action-item-due", withRow("| Add a disk alert at 85% on db-1 | @sam | next week | P1 | open |")))
                .singleElement().asString().endsWith("has no usable due date: 'next week' is not a date; write it as "
                        + "YYYY-MM-DD");
        assertThat(of("action-item-due", withRow("| Add a disk alert at 85% on db-1 | @sam | 2025-02-30 | P1 | open |")))
                .singleElement().asString().endsWith("'2025-02-30' is not a real calendar date");
    }

    @Test
    void priorityMustBeP0ToP3() {
        assertThat(of("action-item-priority", withRow("| Add a disk alert at 85% on db-1 | @sam | 2025-04-01 | high | |")))
                .singleElement().asString().contains("has priority 'high', which is not one of P0");
    }

    @Test
    void listItemsUnderActionItemsAreCheckedWithInlineOwnerDateAndPriority() {
        String text = CLEAN.replace(ROW + "\n", ROW + "\n\n"
                + "- Add a disk alert at 85% on db-1, owner: @sam, due 2025-04-01, P2\n"
                + "- Page the database on-call when archiving lags 10 minutes @lee 2025-04-02\n"
                + "- Write the resize runbook\n");
        assertThat(of("action-item-owner", text)).containsExactly(lineOf(text, "- Write the resize") + ":3 action "
                + "item 'Write the resize runbook' has no owner: name the one person (or @handle) who will drive it");
        assertThat(of("action-item-due", text)).hasSize(1);
        assertThat(of("action-item-priority", text)).extracting(s -> s.split(" ")[0]).containsExactly(
                lineOf(text, "- Page the database") + ":3", lineOf(text, "- Write the resize") + ":3");
    }

    @Test
    void frontMatterItemsAreCheckedAndReportedAtTheirField() {
        String text = withFrontMatterItem("""
                  - title: Add a disk alert at 85% on db-1
                    owner: TBD
                    due: soon
                """);
        assertThat(of("action-item-owner", text)).containsExactly(lineOf(text, "owner: TBD") + ":12 action item "
                + "'Add a disk alert at 85% on db-1' has owner 'TBD', which names nobody: name the one person (or "
                + "@handle) who will drive it");
        assertThat(of("action-item-due", text)).singleElement().asString()
                .startsWith(lineOf(text, "due: soon") + ":10 ").contains("'soon' is not a date");
        assertThat(of("action-item-priority", text)).singleElement().asString()
                .startsWith(lineOf(text, "- title: Add a disk") + ":5 ");
        // the bad due date is reported once, by action-item-due, not again by front-matter
        assertThat(of("front-matter", text)).isEmpty();
    }

    @Test
    void anInvalidFrontMatterPriorityIsReportedOnceWithTheItem() {
        String text = withFrontMatterItem("""
                  - title: Add a disk alert at 85% on db-1
                    owner: "@sam"
                    due: 2025-04-01
                    priority: urgent
                """);
        assertThat(of("action-item-priority", text)).singleElement().asString()
                .contains("has priority 'urgent', which is not one of P0");
        assertThat(of("front-matter", text)).isEmpty();
    }

    @Test
    void anItemInBothTheFrontMatterAndTheTableIsCheckedOnceWhereOverdueReadsIt() {
        String text = CLEAN.replace("    priority: P1\n", "").replace("| P1 | open |", "|  | open |");
        List<Finding> found = LintFixture.lint(text).stream().filter(f -> f.rule().equals("action-item-priority"))
                .toList();
        assertThat(found).singleElement().extracting(Finding::line).isEqualTo(lineOf(text, "- title: Alert"));
    }

    @Test
    void completeItemsPass() {
        String text = withRow("| Add a disk alert at 85% on db-1 | @sam | 2025-04-01 | P2 | open |");
        assertThat(of("action-item-owner", text)).isEmpty();
        assertThat(of("action-item-due", text)).isEmpty();
        assertThat(of("action-item-priority", text)).isEmpty();
    }
}
