package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralIndexTest {

    @Test
    void theBuildWritesAnIndexOfEveryBuiltInPattern() {
        assertThat(LiteralIndex.size()).isEqualTo(LiteralIndex.builtIn().size());
    }

    @Test
    void theIndexHoldsExactlyWhatTheAnalysisFinds() {
        for (String regex : LiteralIndex.builtIn()) {
            assertThat(LiteralIndex.requiredAll(regex)).as(regex)
                    .isEqualTo(Literals.requiredAll(BlameRules.compile(regex)));
        }
    }

    @Test
    void anExpressionTheIndexDoesNotKnowIsAnalysedOnTheSpot() {
        assertThat(LiteralIndex.requiredAll("\\bnot\\s+in\\s+the\\s+index\\b"))
                .isEqualTo(Literals.requiredAll(BlameRules.compile("\\bnot\\s+in\\s+the\\s+index\\b")))
                .isNotEmpty();
        assertThat(LiteralIndex.requiredAll("\\w+")).isEqualTo(List.of());
    }

    @Test
    void patternsAreCompiledOnlyWhenFirstUsed() {
        LazyPattern lazy = new LazyPattern("\\bfoo\\b");
        assertThat(lazy.get()).isSameAs(lazy.get());
        assertThat(lazy.get().matcher("a FOO b").find()).isTrue();
    }
}
