package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;
import pm.testing.PostmortemText;

/**
 * pm overdue with the follow-up policies, as a user runs it: the rows a policy makes late in every format, the
 * gate, and .pm.yml's policies (the defaults, its own, off). The incident is on 2025-03-06; a P1's deadline is
 * 2025-03-20 and its start deadline 2025-03-13, a P0's start deadline 2025-03-08.
 */
class PolicyOverdueTest {
    @TempDir
    Path dir;

    @BeforeEach
    void postmortems() throws Exception {
        write("postmortems/2025-03-06-queue.md", PostmortemText.of("Queue outage", "2025-03-06")
                .with("severity", "SEV2").with("services", "[queue]").with("follow_up_reviewed", "2025-03-06")
                .item("Load test the consumers", "@sam", null, "P1", "in-progress")
                .item("Page on consumer lag", "@maria", "2025-03-25", "P0", "open")
                .item("Cap the retry queue", "@lee", "2025-03-30", "P2", "open"));
    }

    private void write(String path, Object text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
    }

    private Cli.Result overdue(String asOf, String... more) {
        List<String> args = new ArrayList<>(List.of("overdue", "--no-git", "--as-of", asOf));
        args.addAll(List.of(more));
        return Cli.in(dir).run(args.toArray(String[]::new));
    }

    @Test
    void theTableListsEachRowAPolicyMadeLateInItsOwnersGroupWithThePolicy() {
        Cli.Result r = overdue("2025-03-21");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                Follow-ups as of 2025-03-21 (UTC)

                @maria — 1 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                    POSTMORTEM
                    13  2025-03-08  P0   open         Page on consumer lag — not started (policy 'P0'): start it or escalate  Queue outage  postmortems/2025-03-06-queue.md:13

                @sam — 1 overdue
                  LATE  DUE         PRI  STATUS       ITEM                                                                    POSTMORTEM
                     1  2025-03-20  P1   in-progress  Load test the consumers — no due date (policy 'P1')                     Queue outage  postmortems/2025-03-06-queue.md:9

                Aging (days late): 1–7 days: 1 · 8–30 days: 1 · 31–90 days: 0 · 90+ days: 0
                Total: 2 overdue (0 action items, 0 lifecycle, 1 policy deadline, 1 not started) · 0 without an owner · 0 without a due date
                Read 1 postmortem, skipped 0.
                """);
    }

    @Test
    void markdownJsonAndCsvNameThePolicyToo() throws Exception {
        List<String> md = overdue("2025-03-21", "--format", "markdown").out().lines().toList();
        assertThat(md).contains(
                "| @maria | 13 | 2025-03-08 | P0 | open | Page on consumer lag — not started (policy 'P0'): start it or "
                        + "escalate | [Queue outage](postmortems/2025-03-06-queue.md) |",
                "| @sam | 1 | 2025-03-20 | P1 | in-progress | Load test the consumers — no due date (policy 'P1') | "
                        + "[Queue outage](postmortems/2025-03-06-queue.md) |",
                "2 overdue (0 action items, 0 lifecycle, 1 policy deadline, 1 not started) · 0 without an owner · 0 "
                        + "without a due date.");

        JsonNode json = new ObjectMapper().readTree(overdue("2025-03-21", "--format", "json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(1).toString()).isEqualTo("{\"file\":\"postmortems/2025-03-06-queue.md\",\"postmortem\":"
                + "\"Queue outage\",\"title\":\"Load test the consumers\",\"owner\":\"@sam\",\"due\":\"2025-03-20\","
                + "\"priority\":\"P1\",\"status\":\"in-progress\",\"daysOverdue\":1,\"kind\":\"policy\",\"policy\":"
                + "\"P1\"}");
        assertThat(json.get(0).get("kind").asText()).isEqualTo("not-started");
        assertThat(json.get(0).get("policy").asText()).isEqualTo("P0");

        Cli.Result csv = overdue("2025-03-21", "--format", "csv");
        assertThat(csv.out().split("\r\n")).containsExactly(
                "file,postmortem,title,owner,due,priority,status,daysOverdue,kind,policy",
                "postmortems/2025-03-06-queue.md,Queue outage,Page on consumer lag,'@maria,2025-03-08,P0,open,13,"
                        + "not-started,P0",
                "postmortems/2025-03-06-queue.md,Queue outage,Load test the consumers,'@sam,2025-03-20,P1,"
                        + "in-progress,1,policy,P1");
        assertThat(csv.err()).isEqualTo("pm overdue: read 1, skipped 0, 2 overdue\n");
    }

    @Test
    void aCsvWithoutPolicyRowsKeepsItsNineColumns() {
        Cli.Result csv = overdue("2025-03-07", "--format", "csv", "--due-within", "10");
        assertThat(csv.out().split("\r\n")[0]).isEqualTo("file,postmortem,title,owner,due,priority,status,"
                + "daysOverdue,kind");
    }

    @Test
    void failOnOverdueCountsRowsAPolicyMadeLateFromTheDayAfterTheDeadline() throws Exception {
        write("postmortems/2025-03-06-queue.md", PostmortemText.of("Queue outage", "2025-03-06")
                .with("follow_up_reviewed", "2025-03-06")
                .item("Load test the consumers", "@sam", null, "P1", "in-progress"));
        assertThat(overdue("2025-03-19", "--fail-on-overdue").code()).as("the day before").isZero();
        assertThat(overdue("2025-03-20", "--fail-on-overdue").code()).as("the deadline day").isZero();
        assertThat(overdue("2025-03-21", "--fail-on-overdue").code()).as("the day after").isEqualTo(1);

        write("postmortems/2025-03-06-queue.md", PostmortemText.of("Queue outage", "2025-03-06")
                .with("follow_up_reviewed", "2025-03-06")
                .item("Page on consumer lag", "@maria", "2025-12-01", "P0", "open"));
        assertThat(overdue("2025-03-08", "--fail-on-overdue").code()).as("the start deadline").isZero();
        Cli.Result notStarted = overdue("2025-03-09", "--fail-on-overdue");
        assertThat(notStarted.code()).as("not started the day after").isEqualTo(1);
        assertThat(notStarted.out()).contains("Page on consumer lag — not started (policy 'P0')");
    }

    @Test
    void policiesOffSwitchesAllOfItOff() throws Exception {
        write(".pm.yml", "policies: off\n");
        Cli.Result r = overdue("2025-03-21", "--fail-on-overdue");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("No due date — these can never be late (1)").doesNotContain("policy")
                .contains("Total: 0 overdue (0 action items, 0 lifecycle) · 0 without an owner · 1 without a due "
                        + "date");
    }

    @Test
    void theRepositorysOwnPoliciesApplyFirstMatchFirst() throws Exception {
        write(".pm.yml", """
                policies:
                  - name: queue
                    when: {service: queue, priority: [P1, P2]}
                    within: 5
                    start_within: 1
                  - name: the rest
                    within: 30
                """);
        Cli.Result r = overdue("2025-03-12", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).extracting(n -> n.get("title").asText() + " " + n.get("kind").asText() + " "
                + n.get("due").asText() + " " + n.get("policy").asText()).containsExactly(
                        "Cap the retry queue not-started 2025-03-07 queue",
                        "Load test the consumers policy 2025-03-11 queue");
    }
}
