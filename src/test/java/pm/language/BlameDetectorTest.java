package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlameDetectorTest {

    private final BlameDetector detector = new BlameDetector();

    private List<String> families(String text) {
        return detector.find(text).stream().map(BlameFinding::family).toList();
    }

    private String flaggedPhrase(String text) {
        List<BlameFinding> findings = detector.find(text);
        assertThat(findings).as("findings in: %s", text).hasSize(1);
        BlameFinding f = findings.get(0);
        return text.substring(f.start(), f.end());
    }

    @Nested
    class Fault {

        @ParameterizedTest
        @ValueSource(strings = {
                "It's Marcus's fault that the cache was flushed during peak hours.",
                "The incident was caused by the release manager approving his own change.",
                "The outage was entirely the fault of the payments team.",
                "The root cause was an intern who copied the wrong connection string.",
                "The checkout broke because Tariq pushed a hotfix straight to production.",
                "Kevin broke the build with an untested dependency bump.",
                "The team lead is to blame for the missed maintenance window.",
        })
        void flagsAPersonNamedAsTheCause(String sentence) {
            assertThat(families(sentence)).contains("fault");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The outage was caused by a certificate that expired on Saturday.",
                "The root cause was a missing index on the orders table.",
                "The slowdown was due to the garbage collector pausing for several seconds.",
                "The checkout failed because the payment gateway rejected our TLS certificate.",
                "The build was broken by an upstream package release that removed a function.",
                "A faulty line card caused the packet loss in the Frankfurt region.",
        })
        void passesSystemsNamedAsTheCause(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class Counterfactual {

        @ParameterizedTest
        @ValueSource(strings = {
                "Priya should have double-checked the target account before running the cleanup.",
                "The platform engineer failed to notice the replication lag alert.",
                "Our DBA forgot to re-enable the foreign key checks after the import.",
                "The on-call never checked the runbook before restarting the cluster.",
                "He neglected to update the firewall rules after the migration.",
                "If only Lena had read the release notes, the downtime would have been avoided.",
                "Had the developer run the tests, the bug would have been caught.",
                "Yusuf pushed the config directly to production without running the validator.",
                "She ignored the capacity warnings for two weeks.",
                "We should have waited for the canary results before the global rollout.",
                "The junior engineer misread the dashboard and scaled down the checkout service.",
        })
        void flagsHindsightJudgementsOfPeople(String sentence) {
            assertThat(families(sentence)).contains("counterfactual");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The backup job should have alerted when it failed, but the wrapper swallowed its exit code.",
                "The health check failed to detect that the worker pool was exhausted.",
                "The deploy script never checked the return code of the migration step.",
                "Our alerting did not notice the slow drift in p99 latency.",
                "The import script ignored rows with malformed dates.",
                "Retries should have stopped after five attempts.",
                "The cache should have been invalidated after the schema change.",
                "Jenkins failed to pick up the new credentials until it was restarted.",
                "The Strimzi operator ignored the updated resource limits.",
                "If the cache had expired on time, the stale prices would not have been served.",
                "The runbook did not mention that the cache had to be warmed first.",
        })
        void passesTheSamePatternsWithASystemAsSubject(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class HumanError {

        @ParameterizedTest
        @ValueSource(strings = {
                "Root cause: human error during the manual failover.",
                "This was an operator mistake, plain and simple.",
                "User error led to the deletion of the staging namespace.",
        })
        void flagsTheLabelUsedAsACause(String sentence) {
            assertThat(families(sentence)).containsExactly("human-error");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Human error is not a root cause; the console made both environments look identical.",
                "We chose not to list human error as a cause, because the tool offered no confirmation.",
                "The user error rate doubled after the release.",
                "The human-readable error text was cut off in the mobile app.",
        })
        void passesTheLabelWhenRejectedOrUnrelated(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class Character {

        @ParameterizedTest
        @ValueSource(strings = {
                "The contractor carelessly committed the private key to the repository.",
                "A rookie mistake in the Helm values took down the staging cluster.",
                "The analyst was sloppy and exported last year's customer list.",
                "The team lead's negligence left the admin panel exposed.",
                "The on-call engineer was too lazy to follow the escalation policy.",
                "Poor judgment by the deploy captain turned a small bug into an outage.",
                "The engineer was reckless to deploy on a Friday evening.",
        })
        void flagsJudgementsOfCharacter(String sentence) {
            assertThat(families(sentence)).contains("character");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The lazy loading of the configuration meant errors only surfaced on first use.",
                "The kernel panicked after the driver update.",
                "It would be tempting to call the operator careless, but the two commands differ by one character.",
        })
        void passesTechnicalUsesAndRejectedJudgements(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class JudgmentalQuestion {

        @ParameterizedTest
        @ValueSource(strings = {
                "Why didn't the reviewer catch the missing index?",
                "Who approved this change without a rollback plan?",
                "How could anyone think it was safe to run this during business hours?",
                "Why did you restart the primary before the replica caught up?",
                "Why did the on-call engineer wait 40 minutes to escalate?",
                "How could the release captain approve a build that failed its smoke tests?",
        })
        void flagsQuestionsAboutWhoIsToBlame(String sentence) {
            assertThat(families(sentence)).contains("judgmental-question");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Why did the failover not trigger automatically? The health check timeout was too long.",
                "Why did the queue grow so fast? Every retry was re-enqueued at the head.",
                "Should we have paged the vendor earlier? Their status page showed no incident at the time.",
        })
        void passesQuestionsAboutTheSystem(String text) {
            assertThat(detector.find(text)).isEmpty();
        }
    }

    @Nested
    class Hindsight {

        @ParameterizedTest
        @ValueSource(strings = {
                "It was obvious that the disk would fill up over the weekend.",
                "Any competent engineer would have tested the restore before deleting the old backups.",
                "Anyone paying attention would have spotted the error budget burning.",
                "The reviewer missed the obvious SQL injection in the search handler.",
                "In hindsight it should have been obvious that the retry storm came from our own clients.",
        })
        void flagsOutcomeKnowledgePresentedAsForeseeable(String sentence) {
            assertThat(families(sentence)).contains("hindsight");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "In hindsight, the signs are visible in the latency graphs from Tuesday.",
                "It was unclear which team owned the DNS zone.",
        })
        void passesNeutralHindsightAndUncertainty(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class GeneralisedPatterns {

        @ParameterizedTest
        @ValueSource(strings = {
                "The capacity warning was ignored by the SRE on duty.",
                "Both pre-flight checks were skipped by @tomek to save ten minutes.",
                "The backlog alert was missed by the night engineer.",
                "Ifeoma missed the page because she had silenced her phone.",
                "The team decided to ignore the deprecation warnings.",
                "Because Anand skipped the staging deploy, the bad schema reached production.",
                "Our contractor bypassed the review by pushing with admin rights.",
                "Ravi was supposed to renew the certificate but didn't.",
                "Our DBA should have been watching the replication lag.",
                "Jean-Luc ignored the disk alerts.",
                "O'Brien should've known the job ran at midnight.",
                "The on-call SRE, Dmitri, failed to escalate.",
                "QA missed the regression in the login flow.",
                "Despite repeated warnings, the team pushed ahead with the migration.",
                "The lead pushed ahead in spite of the DBA's objections.",
                "The engineer pushed directly to main, bypassing review.",
                "The team prioritised the launch date over safety.",
                "The engineer who wrote the cron job didn't consider leap years.",
                "Olu should not have force-pushed to the release branch.",
                "The contractor neglected to revoke the old keys.",
        })
        void flagsPassiveAgentsMissedSignalsAndSkippedSteps(String sentence) {
            assertThat(families(sentence)).contains("counterfactual");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The timeout errors were ignored by the SDK because they arrived with status 200.",
                "The nightly job missed its window twice during the leader election.",
                "The pipeline skipped the integration stage for tagged builds.",
                "We should have had a dashboard for consumer lag.",
                "In hindsight we should've had a rollback button in the deploy tool.",
                "We didn't notice the drift for two days because the alert only watched the primary.",
                "The on-call failed to acknowledge the page because the paging app had logged itself out.",
                "The DBA did not check the lag due to a missing runbook step.",
                "I did not see the warning, as there was no alert for it.",
                "The bug was not found by the test suite because we have not tested two engines side by side.",
                "Engineers should have access to a scrubbed copy of production data.",
                "Our team should have received the page at 02:00, but the schedule had a gap.",
                "The responders failed to reproduce the crash on a test device.",
                "We tried to roll back but failed to reach the deploy server.",
                "It is clear to everyone now that the threshold was too high.",
                "The rollback took too long because every node pulled the image again.",
                "The nightly job was supposed to run at 02:00 but never started.",
                "She ignored the noise in the logs and focused on the database errors.",
                "The operator skipped nothing; the procedure itself lacked the fencing step.",
                "Despite clear warnings in the vendor docs, the default setting allowed anonymous access.",
                "The linter missed the typo because it skips generated files.",
                "PostHog failed to ingest events for 20 minutes.",
                "The pipeline was skipping tests on forked pull requests.",
                "The scheduler put batch jobs ahead of interactive queries.",
                "The sync job neglected to retry the failed batches.",
                "This was not operator error: the console defaulted to the production account.",
                "Calling this human error would hide the missing confirmation step.",
        })
        void passesSystemsAsAgentsMissingControlsAndDetectionGapsWithASystemCause(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Hyun-woo failed to check the replica because he was in a hurry.",
                "Hannah didn't notice that the certificate was due to expire that weekend.",
                "Wang Fang signed off on a plan she had not read.",
        })
        void stillFlagsDetectionGapsExplainedByAPerson(String sentence) {
            assertThat(families(sentence)).contains("counterfactual");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The warning signs were all glaring, and still nobody acted.",
                "Blame for the lost orders rests with the integrations team.",
                "The on-call was overconfident and skipped the dry run.",
                "We had grown complacent about restore tests.",
                "In his haste the DBA pointed the restore at the live database.",
                "Why wasn't the on-call watching the error budget during the rollout?",
                "Why weren't the reviewers looking at the migration file?",
                "Soren dropped the ball on the renewal reminder.",
                "The root cause was a lack of diligence by the release team.",
                "The engineer was not careful when editing the zone file.",
                "Honestly, this one is on us.",
                "This was avoidable had the SRE followed the checklist.",
                "Somebody on the network team must have fat-fingered the prefix list.",
                "The outage was caused by Ioana's typo in the proxy config.",
                "The root cause was the DBA's decision to skip the snapshot.",
                "The on-call engineer took far too long to escalate.",
                "We spent way too much time on the wrong hypothesis.",
                "The DBA made a costly mistake during the upgrade.",
                "The new hire didn't know what they were doing with the load balancer.",
                "An inattentive reviewer let the change through.",
        })
        void flagsSignsCalledObviousBlameLocatedAndCharacterWords(String sentence) {
            assertThat(detector.find(sentence)).isNotEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "It is obvious now that both services shared one connection pool; nothing documented it.",
                "Prefetching the user record avoids later lazy DB lookups.",
                "Plugin manifests are parsed lazily, so a broken manifest only fails on first use.",
                "Latency rose due to the ongoing Mirai Botnet attack on our upstream provider.",
                "These were good outcomes, but not because we had planned them after the last outage.",
                "Bea fixed the typo causing the scheduler to pick the wrong node pool.",
                "How are we preventing this from happening again?",
                "How do we make rollbacks faster?",
                "Why didn't we hear about this sooner?",
                "How could we have detected this earlier?",
                "The outage was caused by Ioana's change to the proxy config.",
                "Why did Tom's change pass CI? The test for that path was skipped on forks.",
                "Hindsight bias makes it look as if the signs were obvious; they were not.",
                "Lee restarted the wrong pod because the pod names differ only in a hash suffix.",
        })
        void passesTechnicalLazinessProperNounsNegatedCausesAndQuestionsToOurselves(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }
    }

    @Nested
    class NeutralProse {

        @ParameterizedTest
        @ValueSource(strings = {
                "14:22 Priya acknowledged the page and joined the bridge.",
                "At 09:10 the on-call engineer escalated to the database team.",
                "Lin escalated to the network team at 03:12, and they joined five minutes later.",
                "Nina noticed the spike first and posted a graph in the channel.",
                "We decided to roll back at 10:40 after the error rate crossed 5%.",
        })
        void passesTimelineFacts(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The engineer believed the flag only applied to internal users, which is what the admin UI showed.",
                "At that point the team assumed the spike was caused by the marketing campaign.",
                "Responders thought the database was the bottleneck because CPU was at 95%.",
                "Carlos assumed the migration was reversible, as the tool's documentation said.",
                "The team did not know that the flag also controlled the mobile API.",
        })
        void passesBeliefsAtTheTimeStatedWithoutJudgement(String sentence) {
            assertThat(detector.find(sentence)).isEmpty();
        }

        @Test
        void ignoresQuotedText() {
            assertThat(detector.find("The first alert said \"operator forgot to drain the node\" and was wrong."))
                    .isEmpty();
            assertThat(detector.find("Labelling this “human error” would hide the missing confirmation step."))
                    .isEmpty();
        }

        @Test
        void ignoresGitBlame() {
            assertThat(detector.find("Running git blame points to a 2021 commit that added the retry loop."))
                    .isEmpty();
        }

        @Test
        void findsNothingInEmptyText() {
            assertThat(detector.find("")).isEmpty();
            assertThat(detector.find("   \n\n  ")).isEmpty();
        }
    }

    @Nested
    class Findings {

        @Test
        void coverTheJudgingPhrase() {
            assertThat(flaggedPhrase("The platform engineer failed to notice the lag alert.")).isEqualTo(
                    "failed to notice");
            assertThat(flaggedPhrase("Our DBA forgot to re-enable the checks.")).isEqualTo("forgot to");
            assertThat(flaggedPhrase("The outage was caused by the release manager.")).isEqualTo(
                    "caused by the release manager");
        }

        @Test
        void useOffsetsIntoTheWholeParagraph() {
            String text = "The alert fired at 14:02. Then Mo should have noticed the lag. The job recovered.";
            List<BlameFinding> findings = detector.find(text);
            assertThat(findings).hasSize(1);
            assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
                    .isEqualTo("should have noticed");
        }

        @Test
        void keepOffsetsWhenCodeSpansWereBlanked() {
            String text = "Greg ran                 in the wrong psql session and carelessly dropped the table.";
            BlameFinding careless = detector.find(text).stream()
                    .filter(f -> f.family().equals("character")).findFirst().orElseThrow();
            assertThat(text.substring(careless.start(), careless.end())).isEqualTo("carelessly");
        }

        @Test
        void reportEachSentenceOnce() {
            List<BlameFinding> findings = detector.find("Bob should have noticed that he should have checked.");
            assertThat(findings).extracting(BlameFinding::family).containsExactly("counterfactual");
        }

        @Test
        void explainTheProblemAndSuggestASystemicRewrite() {
            BlameFinding f = detector.find("Hannah should have noticed the expiring certificate.").get(0);
            assertThat(f.message()).isEqualTo("\"should have noticed\" judges Hannah in hindsight");
            assertThat(f.suggestion()).contains("signal").contains("alert");
        }

        @Test
        void suggestAStepToEnforceForSkippedProcedure() {
            BlameFinding f = detector.find("The engineer did not follow the deployment checklist.").get(0);
            assertThat(f.message()).contains("\"did not follow\"");
            assertThat(f.suggestion()).contains("step");
        }
    }

    @Nested
    class ProjectVocabulary {

        @Test
        void flagsExtraPhrasesAsCustomRegardlessOfCase() {
            BlameDetector custom = new BlameDetector(List.of("fat fingers"), List.of());
            String text = "The config change came from Fat Fingers on a Friday.";
            List<BlameFinding> findings = custom.find(text);
            assertThat(findings).extracting(BlameFinding::family).containsExactly("custom");
            assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("Fat Fingers");
        }

        @Test
        void matchesExtraPhrasesAsWholeWordsOnly() {
            BlameDetector custom = new BlameDetector(List.of("oops"), List.of());
            assertThat(custom.find("The loops ran twice.")).isEmpty();
        }

        @Test
        void dropsFindingsInSentencesWithAnAllowedPhrase() {
            BlameDetector allowing = new BlameDetector(List.of(), List.of("failed to notice"));
            String text = "The engineer failed to notice the alert. Bob should have checked the runbook.";
            assertThat(allowing.find(text)).extracting(BlameFinding::message)
                    .containsExactly("\"should have checked\" judges Bob in hindsight");
        }

        @Test
        void defaultDetectorHasNoProjectVocabulary() {
            assertThat(new BlameDetector(List.of(), List.of()).find("The engineer failed to notice the alert."))
                    .isEqualTo(detector.find("The engineer failed to notice the alert."));
        }
    }
}
