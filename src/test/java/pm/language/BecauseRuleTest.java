package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule "… failed because Bob deployed …" reads back ({@link BlameRule#readsBack}): it is skipped where no
 * event word comes shortly before a "because", and skipping it so never changes what is found.
 */
class BecauseRuleTest {
    private final BlameDetector withOrder = new BlameDetector(List.of(), List.of(), true);
    private final BlameDetector without = new BlameDetector(List.of(), List.of(), false);
    // a project's own phrases make every sentence run, not only those the prefilter picks
    private final BlameDetector customWithOrder = new BlameDetector(List.of("config"), List.of("the engineer"), true);
    private final BlameDetector customWithout = new BlameDetector(List.of("config"), List.of("the engineer"), false);

    private static BlameRule becauseRule() {
        List<BlameRule> readingBack = BlameRules.ALL.stream().filter(r -> r.readsBack() > 0).toList();
        assertThat(readingBack).hasSize(1);
        return readingBack.get(0);
    }

    @Test
    void theBecauseRuleIsTheOneThatReadsBack() {
        assertThat(becauseRule().regex().regex()).startsWith("\\bbecause");
    }

    @Test
    void theEventWordIsReadAtMostAboutNinetyCharactersBeforeBecause() {
        BlameRule because = becauseRule();
        Pattern rule = because.pattern();
        int farthest = -1;
        for (String event : List.of("failed", "duplicated", "went wrong", "went     wrong", "errors")) {
            for (int gap = 0; gap < 200; gap++) {
                String text = event + " " + "x".repeat(gap) + " because Bob pushed the config";
                if (rule.matcher(text).find()) {
                    farthest = Math.max(farthest, text.indexOf("because"));
                }
            }
        }
        assertThat(farthest).isBetween(80, because.readsBack());
    }

    @Test
    void startingAtBecauseStillReadsBackToTheStartOfItsSentenceAndNoFurther() {
        // the rule is matched from its "because" on, with the sentence before it in view for the look-behinds
        assertThat(withOrder.find("We paged twice and the deploy failed because Bob pushed the config."))
                .extracting(BlameFinding::start).containsExactly(37);
        // an event in the sentence before is not the cause this "because" gives
        assertThat(withOrder.find("The deploy failed. We paged twice because Bob pushed the config.")).isEmpty();
        assertThat(without.find("The deploy failed. We paged twice because Bob pushed the config.")).isEmpty();
        // "not because" is read back from the same place
        assertThat(withOrder.find("The deploy failed, and not because Bob pushed the config.")).isEmpty();
    }

    @Test
    void theFindingsAreTheSameWithAndWithoutTheShortcut() {
        String[] pieces = {"failed", "FAILED", "the deploy failed", "outage", "went wrong", "went   wrong", "errors",
            "because", "Because", "BECAUSE", "not because", "Bob", "the engineer", "our on-call", "Alice quickly",
            "pushed", "deployed", "forgot", "ran", "was", "the config", "x".repeat(40), "y".repeat(70), ".", ". ",
            "\n", "\n\n", ",", "\"quoted because Bob pushed\"", "ſtarted", "ıncident", "down", "lost", "because of"};
        Random random = new Random(29);
        int found = 0;
        int becauseFound = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 2 + random.nextInt(14); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String text = sb.toString();
            List<BlameFinding> expected = without.find(text);
            assertThat(withOrder.find(text)).as(text).isEqualTo(expected);
            assertThat(customWithOrder.find(text)).as(text).isEqualTo(customWithout.find(text));
            found += expected.size();
            for (BlameFinding f : expected) {
                becauseFound += text.regionMatches(true, f.start(), "because", 0, 7) ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(500);
        assertThat(becauseFound).as("findings of the because rule itself").isGreaterThan(200);
    }
}
