package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VagueActionDetectorTest {

    private final VagueActionDetector detector = new VagueActionDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Improve our deployment process",
            "Look into why the alerts were noisy",
            "Audit the firewall rules",
            "Update the runbook",
            "Fix the flaky tests",
            "Ensure backups work",
    })
    void flagsOpenEndedVerbsWithoutAnEndState(String item) {
        assertThat(detector.check(item)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Be careful when editing DNS records",
            "Raise awareness of the change freeze",
            "Get the team trained on the new deploy tool",
            "Talk to the vendor about their SLA",
            "Train the mobile team on the release tooling",
            "Get the new hires trained on the paging tool",
    })
    void flagsAsksForPeopleToTryHarder(String item) {
        assertThat(detector.check(item)).hasValueSatisfying(f -> assertThat(f.message()).contains("try harder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Make the on-call handover smoother",
            "Add some tests for the billing module",
            "Add alerting",
            "Reduce the blast radius of config changes",
            "Improve resilience of the checkout flow as needed",
            "Add an alert",
            "Create a plan to reduce technical debt",
            "Put safeguards in place for destructive commands",
            "Revise the deployment strategy",
            "Prioritise reliability work next quarter",
            "Update the docs to include more details",
    })
    void flagsComparativesGenericObjectsAndMissingTargets(String item) {
        assertThat(detector.check(item)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Add an alert when free disk space on any Kafka broker drops below 15% for 10 minutes",
            "Set the Postgres statement timeout for the api role to 5s",
            "Remove write access to the production bucket from the analytics service account",
            "Make the cleanup job skip namespaces labelled protected=true",
            "Block deploys from the release pipeline while a SEV1 incident is open",
            "Disable password login on the bastion hosts and require SSH certificates",
            "Migrate the session store from Memcached to Redis with persistence enabled",
    })
    void passesConcreteChanges(String item) {
        assertThat(detector.check(item)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Improve the restore runbook by adding the exact pg_restore command and the expected duration",
            "Investigate the 502s on the checkout API and attach the findings to INC-1203 by 2024-06-01",
            "Review the on-call runbook and add a step to verify the replica lag before failover",
            "Upgrade the Node.js runtime of the webhook service to 20 LTS",
            "Harden the admin API by removing the debug routes and allowing access only from the VPN",
            "Review the Helm diff in CI and post it as a comment on every pull request under charts/",
            "Update the release checklist to include the schema compatibility check",
            "Split the node groups per availability zone: this gives the scheduler more even placement",
            "Check the TLS chain in the release pipeline and fail when the intermediate is missing",
            "Describe the context switch in the README and add a shell prompt showing the current context",
    })
    void passesOpenEndedVerbsThatNameAConcreteChange(String item) {
        assertThat(detector.check(item)).isEmpty();
    }

    @Test
    void namesTheVaguePartAndAsksForAnEndState() {
        VagueFinding f = detector.check("Improve our deployment process").orElseThrow();
        assertThat(f.message()).isEqualTo("\"Improve\" does not say what changes or when it is done");
        assertThat(f.suggestion()).contains("concrete change").contains("end state");
    }

    @Test
    void asksForATargetWhenAQuantityShouldChange() {
        VagueFinding f = detector.check("Reduce alert noise for the search team").orElseThrow();
        assertThat(f.message()).isEqualTo("\"Reduce\" has no target value");
        assertThat(f.suggestion()).contains("from what to what");
    }

    @Test
    void quotesTheComparativeThatHasNoMeasure() {
        VagueFinding f = detector.check("Make the on-call handover smoother").orElseThrow();
        assertThat(f.message()).isEqualTo("\"smoother\" has no measurable end state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TBD", "todo", "?", " ", ""})
    void flagsPlaceholdersAndEmptyItems(String item) {
        assertThat(detector.check(item)).hasValueSatisfying(f -> assertThat(f.suggestion()).contains("concrete"));
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(detector.check(null)).hasValueSatisfying(
                f -> assertThat(f.message()).isEqualTo("The action item is empty"));
    }

    @Test
    void theTitleEndsWhereThePatternSplitsIt() throws Exception {
        java.lang.reflect.Method title = VagueActionDetector.class.getDeclaredMethod("title", String.class);
        title.setAccessible(true);
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ab: \t\n\r\f\u000B:x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String item = sb.toString();
            org.assertj.core.api.Assertions.assertThat(title.invoke(null, item)).as(item)
                    .isEqualTo(java.util.regex.Pattern.compile(":\\s").split(item, 2)[0]); // as it was found before
        }
    }
}
