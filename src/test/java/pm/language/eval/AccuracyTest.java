package pm.language.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accuracy targets on the labelled sets shipped with the tests, checked on every build, so a change that
 * costs precision or recall fails the build (src/scripts/eval --check also measures the sets in ../shared/data).
 */
class AccuracyTest {
    @Test
    void everyShippedSetMeetsItsPrecisionAndRecallTargets() throws Exception {
        List<RuleEvaluation.Score> scores = RuleEvaluation.heldOutScores();
        assertThat(scores).hasSize(4);
        for (RuleEvaluation.Score s : scores) {
            assertThat(s.tp() + s.fn()).as("%s has positives", s.set()).isGreaterThan(20);
            assertThat(s.fp() + s.tn()).as("%s has negatives", s.set()).isGreaterThan(20);
            assertThat(s.precision()).as("%s precision", s.set()).isGreaterThanOrEqualTo(s.minPrecision());
            assertThat(s.recall()).as("%s recall", s.set()).isGreaterThanOrEqualTo(s.minRecall());
        }
    }
}
