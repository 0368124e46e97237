package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenTest {
    @Test
    void splitsWordsPossessivesAndPunctuation() {
        String text = "Bob's fix: the on-call @sre-team didn't roll back v1.2/3.";
        assertThat(Token.tokenize(text, 0, text.length()))
                .extracting(Token::text)
                .containsExactly("Bob's", "fix", ":", "the", "on-call", "@sre-team", "didn't", "roll", "back",
                        "v1.2/3", ".");
    }

    @Test
    void handWrittenTokensAreThePatternsTokens() {
        Random random = new Random(5);
        String[] pieces = {"a", "Z", "9", "é", "日", "Ⅻ", "²", "_", "'", "’", "s", "S", ".", "-", "/", "@", "#", ":", ";",
            " ", "\t", "\n", "\u000B", "\f", "\r", "\u00a0", "\u2003", "\uD83D\uDD25", "\uD835\uDC00", "\uD83D",
            "\uDD25", "\uD801\uDC00", "!", "\"", "x", "teams'", "Bob's"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            assertThat(Token.tokenize(text, from, to)).as("[%s] %d..%d", text, from, to)
                    .isEqualTo(Token.tokenizeByPattern(text, from, to));
        }
    }
}
