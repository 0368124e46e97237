package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.CLEAN;
import static pm.lint.LintFixture.lineOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import pm.lint.Finding;
import pm.lint.LintFixture;

/**
 * An action item that is done or wont-do is finished: vague-action-item, action-item-owner, action-item-due and
 * action-item-priority leave it alone, wherever it is written (front matter, a table's status column, a ticked
 * checkbox), so its warnings do not come back on every commit. Unfinished items are checked as before.
 */
class FinishedItemsTest {
    private static final List<String> RULES = List.of("vague-action-item", "action-item-owner", "action-item-due",
            "action-item-priority");
    private static final String ROW = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | "
            + "2025-03-28 | P1 | open |";

    /** The findings of the four rules, as "line rule". */
    private static List<String> findings(String text) {
        return LintFixture.lint(text).stream().filter(f -> RULES.contains(f.rule()))
                .map(f -> f.line() + " " + f.rule()).toList();
    }

    /** The four findings a vague item with no owner, due date or priority gets, on {@code line}. */
    private static List<String> all(int line) {
        return List.of(line + " action-item-due", line + " action-item-owner", line + " action-item-priority",
                line + " vague-action-item");
    }

    /** The clean file with one more front-matter item: vague, and no owner, due date or priority. */
    private static String frontMatterItem(String status) {
        return CLEAN.replace("action_items:\n", "action_items:\n  - title: Improve monitoring\n"
                + (status == null ? "" : "    status: \"" + status + "\"\n"));
    }

    /** The clean file with one more table row: vague, and no owner, due date or priority. */
    private static String tableRow(String status) {
        return CLEAN.replace(ROW, ROW + "\n| Improve monitoring |  |  |  | " + status + " |");
    }

    @Test
    void aFinishedFrontMatterItemIsNotCheckedForVaguenessOwnerDueDateOrPriority() {
        for (String status : List.of("done", "wont-do", "Closed", "won't do", "cancelled", "✅")) {
            assertThat(findings(frontMatterItem(status))).as(status).isEmpty();
        }
    }

    @Test
    void aWontDoItemWithAReasonPassesEveryRule() {
        String text = CLEAN.replace("action_items:\n", "action_items:\n  - title: Improve monitoring\n"
                + "    status: wont-do\n    reason: Superseded by the WAL alert below\n");
        assertThat(findings(text)).isEmpty();
        assertThat(LintFixture.of("front-matter", text)).isEmpty();
        // a reason written as a list is a front-matter error at its line, finished or not
        String list = text.replace("reason: Superseded by the WAL alert below", "reason: [superseded, too costly]");
        assertThat(LintFixture.of("front-matter", list)).containsExactly(lineOf(list, "reason:") + ":13 reason must "
                + "be text, not a list");
    }

    @Test
    void anUnfinishedFrontMatterItemIsCheckedAsBefore() {
        for (String status : new String[] {"open", "in-progress", "blocked", null}) {
            String text = frontMatterItem(status);
            assertThat(findings(text)).as(status).containsExactlyInAnyOrderElementsOf(
                    all(lineOf(text, "- title: Improve monitoring")));
        }
    }

    @Test
    void aStatusPmDoesNotKnowIsUnfinishedAndStillChecked() {
        String text = frontMatterItem("someday");
        assertThat(findings(text)).hasSize(4);
        assertThat(LintFixture.of("front-matter", text)).singleElement().asString()
                .contains("action item status 'someday' is not one of open, in-progress, done, wont-do");
    }

    @Test
    void aFinishedTableRowIsNotChecked() {
        for (String status : List.of("done", "Done", "wont-do", "Won't do", "✅ done", "fixed")) {
            assertThat(findings(tableRow(status))).as(status).isEmpty();
        }
        String open = tableRow("open");
        assertThat(findings(open)).containsExactlyInAnyOrderElementsOf(all(lineOf(open, "| Improve monitoring")));
        String noStatus = tableRow("");
        assertThat(findings(noStatus)).hasSize(4);
    }

    @Test
    void aTickedListItemIsDoneAndAnUntickedOneIsChecked() {
        String ticked = CLEAN.replace(ROW + "\n", ROW + "\n\n- [x] Improve monitoring\n");
        assertThat(findings(ticked)).isEmpty();
        String unticked = CLEAN.replace(ROW + "\n", ROW + "\n\n- [ ] Improve monitoring\n");
        assertThat(findings(unticked)).containsExactlyInAnyOrderElementsOf(
                all(lineOf(unticked, "- [ ] Improve monitoring")));
        String statusWritten = CLEAN.replace(ROW + "\n", ROW + "\n\n- Improve monitoring, status: done\n");
        assertThat(findings(statusWritten)).isEmpty();
    }

    @Test
    void aTickedStepNestedUnderAFollowUpIsNotJudgedAndAnUntickedOneIs() {
        String item = "- Alert when archiving lags 10 minutes, owner: @sam, due 2025-04-01, P2\n";
        String ticked = CLEAN.replace(ROW + "\n", ROW + "\n\n" + item + "  - [x] Improve monitoring\n");
        assertThat(findings(ticked)).isEmpty();
        String unticked = CLEAN.replace(ROW + "\n", ROW + "\n\n" + item + "  - [ ] Improve monitoring\n");
        assertThat(findings(unticked)).containsExactly(lineOf(unticked, "  - [ ] Improve") + " vague-action-item");
    }

    @Test
    void theFrontMatterDecidesForAnItemWrittenInBoth() {
        // done in the front matter, still 'open' in the table: finished, where pm overdue reads it
        String doneInFrontMatter = CLEAN.replace("    status: open\n", "    status: done\n")
                .replace("    owner: \"@maria\"\n", "");
        assertThat(findings(doneInFrontMatter)).isEmpty();
        // open in the front matter, 'done' in the table: checked, once, in the front matter
        String doneInTable = CLEAN.replace("    owner: \"@maria\"\n", "").replace("| P1 | open |", "| P1 | done |");
        assertThat(LintFixture.lint(doneInTable)).filteredOn(f -> RULES.contains(f.rule())).extracting(Finding::line)
                .containsExactly(lineOf(doneInTable, "- title: Alert"));
    }
}
