package pm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.io.InputException;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.SourceText;
import pm.parse.FrontMatterParser;
import pm.parse.Schema;

class PoliciesTest {
    @TempDir
    Path dir;

    private Policies read(String yaml) throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), yaml);
        return Policies.from(Config.load(dir));
    }

    /** The error as "line: message". */
    private String error(String yaml) {
        InputException e = assertThrows(InputException.class, () -> read(yaml));
        return e.line() + ": " + e.getMessage();
    }

    /** The front matter of a postmortem of this date, severity and services with one item of this priority. */
    private static FrontMatter postmortem(String date, String severity, String services, String itemFields) {
        String text = "---\ntitle: T\n" + (date == null ? "" : "date: " + date + "\n")
                + (severity == null ? "" : "severity: " + severity + "\n")
                + (services == null ? "" : "services: " + services + "\n")
                + "action_items:\n  - title: Add a WAL alert\n" + itemFields + "---\n";
        FrontMatter fm = new FrontMatterParser(Schema.DEFAULT).parse(SourceText.of(text)).frontMatter();
        assertThat(fm.problems()).as(text).isEmpty();
        return fm;
    }

    private static FrontMatter item(String priority) {
        return postmortem("2025-03-14", "SEV2", "[payments]", priority == null ? "" : "    priority: " + priority + "\n");
    }

    private static Deadline deadline(Policies policies, FrontMatter fm) {
        ActionItem item = fm.actionItems().get(0);
        return policies.deadlineFor(item, fm);
    }

    @Test
    void withoutPoliciesTheDefaultsGiveP0SevenDaysP1FourteenP2ThirtyP3Ninety() throws Exception {
        Policies p = read("postmortems_dir: postmortems\n");
        assertThat(p).isEqualTo(Policies.DEFAULTS);
        assertThat(read("policies:\n")).as("every policy commented out").isEqualTo(Policies.DEFAULTS);
        assertThat(Policies.from(Config.defaults(dir))).isEqualTo(Policies.DEFAULTS);
        LocalDate incident = LocalDate.of(2025, 3, 14);
        assertThat(deadline(p, item("P0"))).isEqualTo(new Deadline(p.policies().get(0), incident,
                incident.plusDays(7), incident.plusDays(2)));
        assertThat(deadline(p, item("P1"))).extracting(Deadline::due, Deadline::startBy)
                .containsExactly(LocalDate.of(2025, 3, 28), LocalDate.of(2025, 3, 21));
        assertThat(deadline(p, item("P2"))).extracting(Deadline::due, Deadline::startBy)
                .containsExactly(LocalDate.of(2025, 4, 13), null);
        assertThat(deadline(p, item("P3"))).extracting(Deadline::due, Deadline::startBy)
                .containsExactly(LocalDate.of(2025, 6, 12), null);
        assertThat(deadline(p, item("p1")).policy().name()).as("priority case ignored").isEqualTo("P1");
        assertThat(deadline(p, item(null))).as("no priority: no default policy covers it").isNull();
    }

    @Test
    void offSwitchesEveryPolicyOff() throws Exception {
        for (String off : List.of("off", "Off", "false", "\"off\"")) {
            Policies p = read("policies: " + off + "\n");
            assertThat(p).as(off).isEqualTo(Policies.OFF);
            assertThat(p.on()).isFalse();
            assertThat(deadline(p, item("P0"))).isNull();
        }
        assertThat(read("policies: []\n").on()).as("an empty list: no policy covers anything").isFalse();
    }

    @Test
    void theFirstPolicyThatCoversAnItemWins() throws Exception {
        Policies p = read("""
                policies:
                  - name: sev1
                    when: {severity: sev1, priority: [P0, P1]}
                    within: 15
                    start_within: 3
                  - name: payments
                    when:
                      service: Payments
                    within: 10
                  - name: P1
                    when: {priority: P1}
                    within: 14
                  - name: everything else
                    within: 60
                """);
        assertThat(p.policies().get(0)).isEqualTo(new Policy("sev1", List.of("SEV1"), List.of("P0", "P1"), List.of(),
                15, 3));
        assertThat(deadline(p, postmortem("2025-03-14", "SEV1", "[payments]", "    priority: P1\n")))
                .extracting(d -> d.policy().name(), Deadline::due, Deadline::startBy)
                .containsExactly("sev1", LocalDate.of(2025, 3, 29), LocalDate.of(2025, 3, 17));
        assertThat(deadline(p, postmortem("2025-03-14", "SEV2", "[search, PAYMENTS]", "    priority: P1\n")))
                .extracting(d -> d.policy().name(), Deadline::due, Deadline::startBy)
                .as("any of the services, case ignored").containsExactly("payments", LocalDate.of(2025, 3, 24), null);
        assertThat(deadline(p, postmortem("2025-03-14", "SEV2", "[search]", "    priority: P1\n")).policy().name())
                .isEqualTo("P1");
        assertThat(deadline(p, postmortem("2025-03-14", "SEV1", "[search]", "    priority: P2\n")).policy().name())
                .as("every condition must hold").isEqualTo("everything else");
        assertThat(deadline(p, postmortem("2025-03-14", null, null, "")).policy().name())
                .as("a policy without when covers items without a priority too").isEqualTo("everything else");
    }

    @Test
    void aWaivedItemAndAPostmortemWithoutADateHaveNoPolicyDeadline() throws Exception {
        Policies p = Policies.DEFAULTS;
        FrontMatter waived = postmortem("2025-03-14", "SEV2", null, """
                    priority: P0
                    waiver: {reason: Needs the 4.2 client, by: "@lee", date: 2025-03-20}
                """);
        assertThat(deadline(p, waived)).isNull();
        assertThat(p.policyFor(waived.actionItems().get(0), waived).name()).as("still covered, but waived")
                .isEqualTo("P0");
        assertThat(deadline(p, postmortem(null, "SEV2", null, "    priority: P0\n"))).isNull();
    }

    @Test
    void badValuesAreOneLineNamingTheLineWhatIsWrongAndWhatToWrite() {
        String head = "postmortems_dir: postmortems\npolicies:\n  - name: P1\n    when: {priority: P1}\n";
        assertThat(error(head + "    within: -3\n")).isEqualTo("5: policy 'P1': within must be a whole number of days "
                + "from 0 to 3650, the days from the incident date to the latest due date, not '-3'");
        assertThat(error(head + "    within: 14 days\n")).isEqualTo("5: policy 'P1': within must be a whole number of "
                + "days from 0 to 3650, the days from the incident date to the latest due date, not '14 days'");
        assertThat(error(head + "    within: 14\n    start_within: -1\n")).isEqualTo("6: policy 'P1': start_within "
                + "must be a whole number of days from 0 to 3650, the days an item may stay open, not '-1'");
        assertThat(error("policies:\n  - name: urgent\n    when: {priority: P5}\n    within: 3\n"))
                .isEqualTo("3: policy 'urgent': when.priority 'P5' is not one of P0, P1, P2, P3");
        assertThat(error("policies:\n  - name: urgent\n    when:\n      priority: [P0, high]\n    within: 3\n"))
                .isEqualTo("4: policy 'urgent': when.priority 'high' is not one of P0, P1, P2, P3");
        assertThat(error("severities: [critical, major]\npolicies:\n  - name: x\n    when: {severity: SEV1}\n"
                + "    within: 3\n")).isEqualTo("4: policy 'x': when.severity 'SEV1' is not one of critical, major "
                        + "(the severities setting)");
        assertThat(error("policies:\n  - name: x\n    when: {team: sre}\n    within: 3\n"))
                .isEqualTo("3: policy 'x': unknown condition 'when.team'; use severity, priority or service");
        assertThat(error("policies:\n  - name: x\n    when: SEV1\n    within: 3\n")).isEqualTo("3: policy 'x': when "
                + "must be conditions (severity, priority, service), not 'SEV1'; e.g. 'when: {severity: SEV1, "
                + "priority: [P0, P1]}'");
        assertThat(error("policies:\n  - name: x\n    when: {priority: []}\n    within: 3\n")).isEqualTo("3: policy "
                + "'x': when.priority is empty; name at least one, or leave it out to cover every priority");
        assertThat(error("policies:\n  - name: x\n    within: 3\n    deadline: 5\n")).isEqualTo("4: policy 'x': "
                + "unknown setting 'deadline'; known: name, when, within, start_within");
        assertThat(error("policies:\n  - name: x\n    when: {priority: P1}\n")).isEqualTo("2: policy 'x' has no "
                + "within: add 'within: DAYS', the days from the incident date to the latest due date (e.g. "
                + "'within: 14')");
        assertThat(error("policies:\n  - when: {priority: P1}\n    within: 3\n")).isEqualTo("2: policy 1 has no "
                + "name: add 'name: …', which report rows and lint messages show (e.g. 'name: sev1-follow-ups')");
        assertThat(error("policies:\n  - name: x\n    within: 3\n  - name: X\n    within: 4\n")).isEqualTo("4: policy "
                + "name 'X' is used twice (first on line 2); give each policy its own name");
        assertThat(error("policies:\n  - name: all\n    within: 30\n  - name: P0\n    when: {priority: P0}\n"
                + "    within: 7\n")).isEqualTo("4: policy 'P0' can never apply: policy 'all' (line 2) comes first "
                        + "and covers every item; move policy 'P0' above it, or give 'all' a 'when'");
        assertThat(error("policies: sometimes\n")).isEqualTo("1: policies must be a list of policies (- name: …, "
                + "when: …, within: DAYS) or 'off', not 'sometimes'");
        assertThat(error("policies:\n  P1: 14\n")).isEqualTo("2: policies must be a list of policies (- name: …, "
                + "when: …, within: DAYS) or 'off', not a mapping");
        assertThat(error("policies:\n  - 14\n")).isEqualTo("2: policy 1 must be fields (name, when, within, "
                + "start_within), not '14'; e.g. '- name: P1' then 'when: {priority: P1}' and 'within: 14'");
    }

    @Test
    void theCommentedPoliciesInTheInitConfigAreTheDefaultsWhenUncommented() throws Exception {
        String init;
        try (var in = PoliciesTest.class.getResourceAsStream("/pm/init.pm.yml")) {
            init = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(read(init)).as("as pm init writes it").isEqualTo(Policies.DEFAULTS);
        String block = init.substring(init.indexOf("# policies:"));
        block = block.substring(0, block.indexOf("\n\n")); // up to the next blank line
        String yaml = block.lines().map(l -> l.substring(2)).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(read(yaml + "\n")).isEqualTo(Policies.DEFAULTS);
        for (String key : Policies.KEYS) {
            assertThat(yaml).as("every key shown").contains(key + ":");
        }
        for (String condition : Policies.CONDITIONS) {
            assertThat(yaml).as("every condition shown").contains(condition);
        }
    }
}
