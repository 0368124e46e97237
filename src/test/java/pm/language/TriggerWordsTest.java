package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trigger words declared beside each built-in pattern are necessary: every match contains one word of each
 * declared set, as a regular-expression analyser ({@link Literals}) proves. A wrong declaration would make the
 * prefilter skip text the pattern matches; this is where it is caught.
 */
class TriggerWordsTest {
    private static List<LazyPattern> builtIn() {
        List<LazyPattern> all = new ArrayList<>();
        for (BlameRule r : BlameRules.ALL) {
            all.add(r.regex());
        }
        all.addAll(BlameRules.REJECTIONS);
        all.addAll(VagueActionDetector.cues());
        return all;
    }

    @Test
    void everyBuiltInPatternDeclaresItsTriggerWords() {
        assertThat(builtIn()).hasSize(BlameRules.ALL.size() + BlameRules.REJECTIONS.size()
                + VagueActionDetector.cues().size())
                .allSatisfy(p -> assertThat(p.triggers()).as(p.regex()).isNotEmpty());
    }

    @Test
    void triggerWordsAreWrittenAsThePrefilterReadsText() {
        for (LazyPattern p : builtIn()) {
            for (Set<String> set : p.triggers()) {
                assertThat(set).as(p.regex()).isNotEmpty();
                for (String w : set) {
                    assertThat(w.length()).as("'%s' of %s", w, p.regex()).isGreaterThanOrEqualTo(Prefilter.MIN_LENGTH);
                    assertThat(w).as("'%s' is folded, with single spaces", w).doesNotContain("  ");
                    for (char c : w.toCharArray()) {
                        assertThat(Prefilter.fold(c)).as("'%s' is folded", w).isEqualTo(c);
                    }
                }
            }
        }
    }

    @Test
    void everyDeclaredSetIsOneThatEveryMatchContains() {
        for (LazyPattern p : builtIn()) {
            for (Set<String> set : p.triggers()) {
                assertThat(Literals.guarantees(p.regex(), LazyPattern.FLAGS, set))
                        .as("every match of %s holds one of %s", p.regex(), set).isTrue();
            }
        }
    }

    @Test
    void aSetThatSomeMatchLacksIsRefused() {
        assertThat(Literals.guarantees("\\b(?:careless|sloppy)\\b", LazyPattern.FLAGS, Set.of("careless"))).isFalse();
        assertThat(Literals.guarantees("\\b(?:careless|sloppy)\\b", LazyPattern.FLAGS, Set.of("careless", "slop")))
                .isTrue();
        assertThat(Literals.guarantees("\\bfoo\\w*", LazyPattern.FLAGS, Set.of("food"))).isFalse();
        assertThat(Literals.guarantees("\\w+ed", LazyPattern.FLAGS, Set.of("ed"))).isTrue();
    }
}
