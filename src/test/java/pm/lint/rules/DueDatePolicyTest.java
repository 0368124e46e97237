package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.CLEAN;
import static pm.lint.LintFixture.lineOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.lint.Finding;
import pm.lint.LintFixture;
import pm.lint.LintSettings;
import pm.lint.Severity;
import pm.policy.Policies;

/** due-date-policy: an item due later than its policy allows, counted from the incident date (2025-03-14 here). */
class DueDatePolicyTest {
    private static final String ITEM = """
              - title: Alert when the pg_wal volume passes 80% on every Postgres primary
                owner: "@maria"
                due: 2025-03-28
                priority: P1
                status: open
            """;
    private static final String ROW = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria "
            + "| 2025-03-28 | P1 | open |";

    @TempDir
    Path dir;

    /** The clean file with its front-matter item given these fields instead (the table row then has no twin). */
    private static String withItem(String due, String priority, String status, String extra) {
        return CLEAN.replace(ITEM, """
                  - title: Alert when the pg_wal volume passes 80% on every Postgres primary
                    owner: "@maria"
                """ + (due == null ? "" : "    due: " + due + "\n") + "    priority: " + priority + "\n"
                + (status == null ? "" : "    status: " + status + "\n") + extra).replace(ROW + "\n", "");
    }

    private static List<Finding> findings(String text, LintSettings settings) {
        return LintFixture.lint(text, settings).stream().filter(f -> f.rule().equals("due-date-policy")).toList();
    }

    private static List<Finding> findings(String text) {
        return findings(text, LintFixture.DEFAULTS);
    }

    private LintSettings settings(String pmYml) throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), pmYml);
        return LintSettings.of(Config.load(dir), Rules.metas());
    }

    @Test
    void aP1ItemMayBeDueOnTheFourteenthDayAfterTheIncidentButNotTheFifteenth() {
        assertThat(findings(withItem("2025-03-27", "P1", "open", ""))).as("the day before").isEmpty();
        assertThat(findings(withItem("2025-03-28", "P1", "open", ""))).as("the deadline day").isEmpty();
        String late = withItem("2025-03-29", "P1", "open", "");
        assertThat(findings(late)).as("the day after").singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(lineOf(late, "due: 2025-03-29"));
            assertThat(f.column()).isEqualTo(10);
            assertThat(f.message()).isEqualTo("action item 'Alert when the pg_wal volume passes 80% on every Postgres…' "
                    + "is due 2025-03-29, 15 days after the incident (2025-03-14); policy 'P1' allows 14 days: "
                    + "due by 2025-03-28");
            assertThat(f.suggestion()).isEqualTo("Bring the due date in to 2025-03-28 or earlier. If the item can "
                    + "wait, lower its priority and say why in the postmortem, or record who agreed to the later date "
                    + "with 'waiver: {reason: …, by: …, date: YYYY-MM-DD}' on the item.");
        });
    }

    @Test
    void eachDefaultPriorityHasItsOwnDeadline() {
        for (String[] p : new String[][] {{"P0", "2025-03-21"}, {"P1", "2025-03-28"}, {"P2", "2025-04-13"},
                {"P3", "2025-06-12"}}) {
            java.time.LocalDate deadline = java.time.LocalDate.parse(p[1]);
            assertThat(findings(withItem(p[1], p[0], "open", ""))).as(p[0] + " on its deadline").isEmpty();
            assertThat(findings(withItem(deadline.plusDays(1).toString(), p[0], "open", ""))).as(p[0] + " a day late")
                    .singleElement().extracting(Finding::message).asString()
                    .endsWith("policy '" + p[0] + "' allows " + java.time.temporal.ChronoUnit.DAYS.between(
                            java.time.LocalDate.of(2025, 3, 14), deadline) + " days: due by " + p[1]);
        }
    }

    @Test
    void aBodyItemWithoutAFrontMatterTwinIsCheckedToo() {
        String text = CLEAN.replace(ROW, ROW + "\n| Add a disk alert at 85% on db-1 | @sam | 2025-09-01 | P2 | open |");
        assertThat(findings(text)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(lineOf(text, "| Add a disk alert"));
            assertThat(f.message()).contains("is due 2025-09-01, 171 days after the incident").endsWith(
                    "policy 'P2' allows 30 days: due by 2025-04-13");
            assertThat(f.suggestion()).endsWith("on the item in action_items.");
        });
    }

    @Test
    void finishedWaivedUndatedAndUnprioritisedItemsAreLeftAlone() {
        assertThat(findings(withItem("2025-09-01", "P1", "done", ""))).isEmpty();
        assertThat(findings(withItem("2025-09-01", "P1", "wont-do", ""))).isEmpty();
        assertThat(findings(withItem("2025-09-01", "P1", "in-progress", ""))).hasSize(1);
        assertThat(findings(withItem("2025-09-01", "P1", null, ""))).hasSize(1);
        assertThat(findings(withItem("2025-09-01", "P1", "open", """
                    waiver:
                      reason: Needs the payments client 4.2 release; the runbook covers the gap
                      by: "@lee"
                      date: 2025-03-20
                """))).isEmpty();
        assertThat(findings(withItem("2025-09-01", "P1", "open", "    waiver: {reason: later}\n")))
                .as("a waiver without who and when waives nothing").hasSize(1);
        assertThat(findings(withItem(null, "P1", "open", ""))).as("action-item-due reports it").isEmpty();
        assertThat(findings(withItem("next month", "P1", "open", ""))).isEmpty();
        assertThat(findings(withItem("2025-09-01", "P1", "open", "").replace("date: 2025-03-14\n", ""))).isEmpty();
        assertThat(findings(CLEAN.replace(ROW, ROW + "\n| Add a disk alert at 85% on db-1 | @sam | 2025-09-01 | | |")))
                .as("no priority, and no default policy without one").isEmpty();
    }

    @Test
    void theFirstPolicyThatCoversTheItemSetsTheDeadline() throws Exception {
        LintSettings s = settings("""
                policies:
                  - name: sev2-payments
                    when: {severity: SEV2, service: payments-api}
                    within: 5
                  - name: sev2
                    when: {severity: SEV2}
                    within: 21
                """);
        String text = withItem("2025-04-04", "P3", "open", "");
        assertThat(findings(text, s)).as("SEV2 without payments-api: 21 days").isEmpty();
        assertThat(findings(withItem("2025-04-05", "P3", "open", ""), s)).singleElement().extracting(Finding::message)
                .asString().endsWith("policy 'sev2' allows 21 days: due by 2025-04-04");
        String payments = text.replace("severity: SEV2\n", "severity: SEV2\nservices: [payments-api]\n");
        assertThat(findings(payments, s)).singleElement().extracting(Finding::message).asString()
                .endsWith("policy 'sev2-payments' allows 5 days: due by 2025-03-19");
        assertThat(findings(text.replace("severity: SEV2", "severity: SEV3"), s)).as("no policy covers SEV3")
                .isEmpty();
    }

    @Test
    void policiesOffSwitchesTheRuleOffAndTheRuleCanBeSwitchedOffAlone() throws Exception {
        String late = withItem("2025-09-01", "P0", "open", "");
        assertThat(findings(late, settings("policies: off\n"))).isEmpty();
        assertThat(settings("policies: off\n").policies()).isEqualTo(Policies.OFF);
        assertThat(findings(late, settings("lint:\n  rules:\n    due-date-policy: off\n"))).isEmpty();
        assertThat(findings(late, settings("lint:\n  rules:\n    due-date-policy: error\n"))).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(findings(late, settings("postmortems_dir: postmortems\n"))).as("no policies: the defaults")
                .hasSize(1);
    }

    @Test
    void theBundledCleanExampleMeetsTheDefaultPoliciesThroughItsWaiver() throws Exception {
        String example = Files.readString(Path.of("src/examples/postmortems/2025-03-14-payment-api-outage.md"));
        assertThat(LintFixture.lint(example)).isEmpty();
        String waiver = example.substring(example.indexOf("    waiver:\n"), example.indexOf("  - title: Add a \"disk"));
        assertThat(findings(example.replace(waiver, ""))).singleElement().extracting(Finding::message).asString()
                .contains("is due 2025-04-11, 28 days after the incident (2025-03-14); policy 'P1' allows 14 days");
    }
}
