package pm.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.model.Owners;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.policy.Policies;
import pm.policy.Policy;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;
import pm.testing.PostmortemText;

/**
 * What the follow-up policies add to pm overdue: an unfinished item without a due date is late once its policy's
 * deadline has passed (kind policy, the deadline as its due date), and an item its policy wants started is listed as
 * not started once it is still open after the policy's start deadline. The incident here is on 2025-03-06: a P1's
 * deadline is 2025-03-20 (14 days) and its start deadline 2025-03-13 (7 days).
 */
class PolicyRowsTest {
    private static final String INCIDENT = "2025-03-06";

    private static OverdueReport collect(LocalDate asOf, PostmortemText p) {
        return collect(asOf, p, Policies.DEFAULTS, OverdueSettings.DEFAULTS, OverdueFilter.NONE);
    }

    private static OverdueReport collect(LocalDate asOf, PostmortemText p, Policies policies,
            OverdueSettings settings, OverdueFilter filter) {
        Input in = new Input("pm/a.md", Path.of("pm/a.md"),
                () -> p.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new OverdueCollector(new PostmortemParser(Schema.DEFAULT), settings, asOf, filter,
                Owners::isPlaceholder, policies).collect(Listing.of(List.of(in)), new Names(Path.of("")));
    }

    /** Each row as "title: kind due days policy note". */
    private static List<String> rows(OverdueReport r) {
        return r.items().stream().map(i -> i.title() + ": " + i.kind().id() + " " + i.due() + " " + i.daysOverdue()
                + " " + i.policy() + " " + i.note()).toList();
    }

    private static PostmortemText incident() {
        return PostmortemText.of("Queue outage", INCIDENT).with("follow_up_reviewed", INCIDENT);
    }

    private static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void anItemWithoutADueDateIsLateTheDayAfterItsPolicysDeadline() {
        PostmortemText p = incident().item("Load test", "@sam", null, "P1", "in-progress");
        assertThat(rows(collect(day("2025-03-19"), p))).as("the day before").containsExactly(
                "Load test: no-due-date null null null no due date; agree one with @sam");
        assertThat(rows(collect(day("2025-03-20"), p))).as("the deadline day").containsExactly(
                "Load test: no-due-date null null null no due date; agree one with @sam");
        OverdueReport after = collect(day("2025-03-21"), p);
        assertThat(rows(after)).as("the day after").containsExactly(
                "Load test: policy 2025-03-20 1 P1 no due date (policy 'P1')");
        OverdueItem row = after.items().get(0);
        assertThat(row.overdue()).isTrue();
        assertThat(row.owner()).isEqualTo("@sam");
        assertThat(row.priority()).isEqualTo("P1");
        assertThat(after.tally().overdueCount(Kind.POLICY)).isEqualTo(1);
        assertThat(after.tally().aging()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void eachDefaultPriorityHasItsDeadlineAndAFreeTextDueDateCountsAsNone() {
        PostmortemText p = incident()
                .item("P0 item", "@a", null, "P0", "in-progress")
                .item("P2 item", "@a", "next sprint", "P2", "in-progress")
                .item("P3 item", "@a", null, "P3", "in-progress")
                .item("No priority", "@a", null, null, "in-progress");
        assertThat(rows(collect(day("2025-06-05"), p))).containsExactly(
                "P0 item: policy 2025-03-13 84 P0 no due date (policy 'P0')",
                "P2 item: policy 2025-04-05 61 P2 due 'next sprint' is not a date (policy 'P2')",
                "P3 item: policy 2025-06-04 1 P3 no due date (policy 'P3')",
                "No priority: no-due-date null null null no due date; agree one with @a");
    }

    @Test
    void aP1ItemStillOpenTheDayAfterItsStartDeadlineIsNotStarted() {
        PostmortemText p = incident().item("Alert on WAL volume", "@maria", "2025-03-20", "P1", "open");
        assertThat(collect(day("2025-03-12"), p).items()).as("the day before").isEmpty();
        assertThat(collect(day("2025-03-13"), p).items()).as("the start deadline").isEmpty();
        OverdueReport after = collect(day("2025-03-14"), p);
        assertThat(rows(after)).as("the day after").containsExactly(
                "Alert on WAL volume: not-started 2025-03-13 1 P1 not started (policy 'P1'): start it or escalate");
        assertThat(after.items().get(0).overdue()).isTrue();
        assertThat(after.tally().overdueCount(Kind.NOT_STARTED)).isEqualTo(1);
        assertThat(rows(collect(day("2025-03-21"), p))).as("past its own due date it is simply late")
                .containsExactly("Alert on WAL volume: action-item 2025-03-20 1 null null");
    }

    @Test
    void startedFinishedAndUnhurriedItemsAreNotListedAsNotStarted() {
        PostmortemText p = incident()
                .item("In progress", "@a", "2025-03-20", "P1", "in-progress")
                .item("Blocked", "@a", "2025-03-20", "P0", "blocked")
                .item("Done", "@a", "2025-03-20", "P1", "done")
                .item("Cancelled", "@a", null, "P0", "wont-do")
                .item("A P2 may wait", "@a", "2025-04-05", "P2", "open")
                .item("No status", "@a", "2025-03-20", "P1", null)
                .item("Todo P0", "@a", "2025-03-13", "P0", "todo");
        assertThat(rows(collect(day("2025-03-14"), p))).containsExactly(
                "No status: not-started 2025-03-13 1 P1 not started (policy 'P1'): start it or escalate",
                "Todo P0: action-item 2025-03-13 1 null null");
        assertThat(rows(collect(day("2025-03-09"), p))).as("P0: started within 2 days").containsExactly(
                "Todo P0: not-started 2025-03-08 1 P0 not started (policy 'P0'): start it or escalate");
    }

    @Test
    void anItemHasAtMostOneRowTheMostPressing() {
        PostmortemText p = incident()
                .item("No due, not started", "@a", null, "P1", "open")
                .item("Nobody, not started", "TBD", "2025-03-20", "P1", "open")
                .item("Nobody, no due", null, null, "P2", "in-progress");
        assertThat(rows(collect(day("2025-03-14"), p))).containsExactly(
                "No due, not started: not-started 2025-03-13 1 P1 not started (policy 'P1'): start it or escalate",
                "Nobody, not started: not-started 2025-03-13 1 P1 not started (policy 'P1'): start it or escalate",
                "Nobody, no due: no-owner null null null no owner; name one person");
        assertThat(rows(collect(day("2025-04-06"), p))).containsExactly(
                "No due, not started: policy 2025-03-20 17 P1 no due date (policy 'P1')",
                "Nobody, not started: action-item 2025-03-20 17 null null",
                "Nobody, no due: policy 2025-04-05 1 P2 no due date (policy 'P2')");
        assertThat(collect(day("2025-04-06"), p).items()).extracting(OverdueItem::owner)
                .containsExactly("@a", null, null);
    }

    @Test
    void aWaivedItemKeepsOnlyItsOwnDueDate() {
        String waiver = "reason: Needs the 4.2 client, by: \"@lee\", date: 2025-03-08";
        PostmortemText p = incident()
                .item("Waived, no due date", "@a", null, "P0", "open").waiver(waiver)
                .item("Waived, due later", "@b", "2025-05-01", "P1", "open").waiver(waiver);
        assertThat(rows(collect(day("2025-04-01"), p))).as("no policy or start deadline").containsExactly(
                "Waived, no due date: no-due-date null null null no due date; agree one with @a");
        assertThat(rows(collect(day("2025-05-02"), p))).contains("Waived, due later: action-item 2025-05-01 1 null "
                + "null");
    }

    @Test
    void policiesOffLeavesOnlyTheItemsOwnDates() {
        PostmortemText p = incident()
                .item("No due", "@a", null, "P0", "open")
                .item("Not started", "@a", "2025-09-01", "P0", "open");
        OverdueReport off = collect(day("2025-06-01"), p, Policies.OFF, OverdueSettings.DEFAULTS, OverdueFilter.NONE);
        assertThat(rows(off)).containsExactly("No due: no-due-date null null null no due date; agree one with @a");
        assertThat(off.overdue()).isEmpty();
    }

    @Test
    void theFirstPolicyThatCoversTheItemSetsItsDeadlines() {
        Policies policies = new Policies(List.of(
                new Policy("sev1", List.of("SEV1"), List.of(), List.of(), 3, 1),
                new Policy("search", List.of(), List.of(), List.of("search"), 10, null),
                new Policy("P2", List.of(), List.of("P2"), List.of(), 30, null)));
        PostmortemText sev1 = incident().with("severity", "SEV1").with("services", "[search]")
                .item("Fix", "@a", null, "P2", "open");
        assertThat(rows(collect(day("2025-03-08"), sev1, policies, OverdueSettings.DEFAULTS, OverdueFilter.NONE)))
                .containsExactly("Fix: not-started 2025-03-07 1 sev1 not started (policy 'sev1'): start it or "
                        + "escalate");
        assertThat(rows(collect(day("2025-03-10"), sev1, policies, OverdueSettings.DEFAULTS, OverdueFilter.NONE)))
                .containsExactly("Fix: policy 2025-03-09 1 sev1 no due date (policy 'sev1')");
        PostmortemText sev2 = incident().with("severity", "SEV2").with("services", "[search]")
                .item("Fix", "@a", null, "P2", "open");
        assertThat(rows(collect(day("2025-03-17"), sev2, policies, OverdueSettings.DEFAULTS, OverdueFilter.NONE)))
                .containsExactly("Fix: policy 2025-03-16 1 search no due date (policy 'search')");
        PostmortemText other = incident().with("severity", "SEV2").item("Fix", "@a", null, "P2", "open");
        assertThat(rows(collect(day("2025-03-17"), other, policies, OverdueSettings.DEFAULTS, OverdueFilter.NONE)))
                .containsExactly("Fix: no-due-date null null null no due date; agree one with @a");
    }

    @Test
    void dueWithinAlsoListsPolicyDeadlinesComingUp() {
        PostmortemText p = incident().item("Load test", "@sam", null, "P1", "in-progress");
        OverdueFilter within = new OverdueFilter(List.of(), List.of(), List.of(), List.of(), 3);
        OverdueReport r = collect(day("2025-03-17"), p, Policies.DEFAULTS, OverdueSettings.DEFAULTS, within);
        assertThat(rows(r)).containsExactly("Load test: policy 2025-03-20 -3 P1 no due date (policy 'P1')");
        assertThat(r.upcoming()).hasSize(1);
        assertThat(r.overdue()).isEmpty();
        assertThat(rows(collect(day("2025-03-16"), p, Policies.DEFAULTS, OverdueSettings.DEFAULTS, within)))
                .as("four days out").containsExactly("Load test: no-due-date null null null no due date; agree one "
                        + "with @sam");
    }

    @Test
    void filtersKeepPolicyRowsByTheItemsOwnerAndPriorityAndThePostmortemsSeverityAndServices() {
        PostmortemText p = incident().with("severity", "SEV2").with("services", "[search]")
                .item("Load test", "@sam", null, "P1", "open");
        LocalDate asOf = day("2025-03-21");
        for (OverdueFilter keeps : List.of(
                new OverdueFilter(List.of("SAM"), List.of(), List.of(), List.of(), null),
                new OverdueFilter(List.of(), List.of("SEV2"), List.of(), List.of(), null),
                new OverdueFilter(List.of(), List.of(), List.of("P1"), List.of(), null),
                new OverdueFilter(List.of(), List.of(), List.of(), List.of("Search"), null))) {
            assertThat(collect(asOf, p, Policies.DEFAULTS, OverdueSettings.DEFAULTS, keeps).items()).as("%s", keeps)
                    .extracting(OverdueItem::kind).containsExactly(Kind.POLICY);
        }
        for (OverdueFilter drops : List.of(
                new OverdueFilter(List.of("lee"), List.of(), List.of(), List.of(), null),
                new OverdueFilter(List.of(), List.of("SEV1"), List.of(), List.of(), null),
                new OverdueFilter(List.of(), List.of(), List.of("P2"), List.of(), null),
                new OverdueFilter(List.of(), List.of(), List.of(), List.of("payments"), null))) {
            assertThat(collect(asOf, p, Policies.DEFAULTS, OverdueSettings.DEFAULTS, drops).items()).as("%s", drops)
                    .isEmpty();
        }
    }
}
