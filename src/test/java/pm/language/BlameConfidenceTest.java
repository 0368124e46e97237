package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pm.language.BlameFinding.Certainty;

/**
 * Blame needs a person: how sure pm is of one decides an error (a person named or described, the judgment
 * explicit), a warning that says why it is unsure, or a self-blame warning with a kind rewrite. The sentences are
 * the shapes real postmortems took where the first rules went wrong (our own examples, in those shapes).
 */
class BlameConfidenceTest {
    private final BlameDetector detector = new BlameDetector();

    private List<BlameFinding> find(String sentence) {
        return detector.find(sentence);
    }

    private Certainty certainty(String sentence) {
        List<BlameFinding> found = find(sentence);
        assertThat(found).as(sentence).isNotEmpty();
        return found.get(0).certainty();
    }

    @Nested
    class NotBlame {
        @ParameterizedTest
        @ValueSource(strings = {
                // a program as the subject
                "Terraform skipped the lock and applied the plan twice.",
                "The scheduler forgot the lease after the restart.",
                "Loki was scheduled in the wrong availability zone after a rescheduling operation.",
                "Nginx Proxy Manager cannot reach the backend.",
                "The V-Pipe Scout failed to restart after the upgrade.",
                // idioms and negations
                "The story broke on Tuesday, two days after the fix.",
                "The team lost no time in rolling back.",
                "A backend 422 therefore always indicates a bug, never user error.",
                "Any operator error is a symptom of a missing mechanism.",
                // attacks and outside events as the cause
                "The outage was caused by a DDoS against the edge.",
                "The breach was caused by a phishing mail to a contractor.",
                // the writers describing their own work plainly, or a lesson about process
                "The delay was due to us having to rebuild the index from scratch.",
                "This was because of us hitting the CPU rate limits on their end.",
                "The root cause was a refactor we shipped on Monday.",
                "Had we run a load test, we would have caught it.",
                "If we had deployed to staging first, we would have seen the error.",
                "We did not anticipate that the mirror would take a day to recover.",
                "We didn't check the replica lag before the failover.",
                "We failed to respond to a single webhook while the pool was exhausted.",
                // conditions, headings and neutral questions
                "Maybe due to the developers generally only having one environment?",
                "Root cause: Old cluster FSID on the disks conflicted with the current cluster.",
                "Why Automation Didn't Catch This",
                "How did you reach the point where you knew how to mitigate the impact?",
                "Why was the proxy stuck in a restart loop?",
                "19:04 UTC on 8 Jan failed to trigger the decision tasks.",
                "Users may still have used a cached version with lazy upgrade.",
                "Nobody noticed the lag until the morning.",
        })
        void isNotFlagged(String sentence) {
            assertThat(find(sentence)).as(sentence).isEmpty();
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {
                "Dana should have noticed the alert.",
                "The on-call engineer failed to escalate.",
                "@kim ignored the warning twice.",
                "Dana dismisses the page again.",
                "The incident was caused by Kim's decision to skip the canary.",
                "The outage traces back to Kim, who pushed straight to main.",
                "The schema was designed very poorly by Dana.",
                "The change was merged hastily by @kim.",
                "Had the DBA been paying attention, the restore would have worked.",
                "How is it possible that @kim deployed this on a Friday?",
                "Kim should never have been allowed near prod.",
                "Dana can't seem to follow a runbook.",
                "Honestly, the new hire can't be trusted with prod.",
                "What an idiot.",
                "Root cause: human error.",
        })
        void aPersonNamedOrDescribedWithAnExplicitJudgment(String sentence) {
            assertThat(certainty(sentence)).as(sentence).isEqualTo(Certainty.SURE);
        }

        @Test
        void theMessageNamesThePersonAndTheWords() {
            BlameFinding f = find("Hannah should have noticed the expiring certificate.").get(0);
            assertThat(f.message()).isEqualTo("\"should have noticed\" judges Hannah in hindsight");
        }
    }

    @Nested
    class Unsure {
        @ParameterizedTest
        @ValueSource(strings = {
                "Tariq pushed the hotfix straight to production without running the tests.",
                "Ifoma ignored the capacity warnings.",
                "The deploy was careless.",
                "It was obvious that the certificate would expire.",
                "Any competent engineer would have caught it.",
                "Failed to notice the replication lag for two days.",
        })
        void aJudgmentWithoutAKnownPersonIsAWarning(String sentence) {
            assertThat(certainty(sentence)).as(sentence).isEqualTo(Certainty.UNSURE);
        }

        @Test
        void theMessageSaysWhyItIsUnsure() {
            assertThat(find("Tariq ignored the capacity warnings.").get(0).message())
                    .endsWith("pm cannot tell whether 'Tariq' is a person or a program");
            assertThat(find("The deploy was careless.").get(0).message())
                    .isEqualTo("\"careless\" judges the work of whoever did character: said of The deploy, it still "
                            + "points at people")
                    .doesNotContain("a person's character");
        }

        @Test
        void aNameTheFileUsesAsAProgramIsAProgram() {
            Cast cast = Cast.of(List.of(), List.of(), "```\nkubectl logs tariq-0\n```\nTariq ignored the warnings.");
            assertThat(detector.find("Tariq ignored the capacity warnings.", cast)).isEmpty();
            Cast services = Cast.of(List.of(), List.of("Dana"), "");
            assertThat(detector.find("Dana should have noticed the alert.", services)).isEmpty();
        }

        @Test
        void anUnknownProgramIsAWarningUntilTheFileShowsItIsAProgram() {
            assertThat(certainty("Kyverno ignored the label on the new namespace.")).isEqualTo(Certainty.UNSURE);
            Cast cast = Cast.of(List.of(), List.of(), "The kyverno admission controller blocks pods without it.");
            assertThat(detector.find("Kyverno ignored the label on the new namespace.", cast)).isEmpty();
        }

        @Test
        void theFilesPeopleAreSure() {
            Cast people = Cast.of(List.of("Ifeoma Okafor", "@tariq"), List.of(), "");
            assertThat(detector.find("Ifeoma ignored the capacity warnings.", people))
                    .extracting(BlameFinding::certainty).containsExactly(Certainty.SURE);
            assertThat(detector.find("Tariq ignored the capacity warnings.", people))
                    .extracting(BlameFinding::certainty).containsExactly(Certainty.SURE);
        }
    }

    @Nested
    class SelfBlame {
        @ParameterizedTest
        @ValueSource(strings = {
                "It was my fault.",
                "This was an oversight on my part.",
                "That was a failure on my part.",
                "I should have checked the target account first.",
                "We were careless with the credentials.",
                "Our bad: the SDKs had no timeout.",
                "I went ahead anyway.",
                "We should be more careful with changes at the end of the day.",
                "We did not understand the disk usage patterns well enough.",
                "We were not monitoring closely enough to catch it.",
                "We incorrectly assessed the rebase as low-impact.",
                "We sincerely apologize for this oversight.",
                "This incident was caused by our failure to finish the follow-up work.",
                "Removing the cache was a dumb idea.",
        })
        void isAWarningWithAKindRewrite(String sentence) {
            List<BlameFinding> found = find(sentence);
            assertThat(found).as(sentence).isNotEmpty();
            BlameFinding f = found.get(0);
            assertThat(f.certainty()).as(sentence).isIn(Certainty.SELF, Certainty.UNSURE);
            if (f.certainty() == Certainty.SELF) {
                assertThat(f.message()).as(sentence).endsWith("(self-blame)").doesNotContain("a person");
                assertThat(f.suggestion()).startsWith("Be as fair to yourselves as to a colleague");
            }
        }

        @Test
        void firstPersonJudgmentsAreSelfBlame() {
            assertThat(certainty("It was my fault.")).isEqualTo(Certainty.SELF);
            assertThat(certainty("I should have checked the target account first.")).isEqualTo(Certainty.SELF);
            assertThat(certainty("We should be more careful with late changes.")).isEqualTo(Certainty.SELF);
        }
    }
}
