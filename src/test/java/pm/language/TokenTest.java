package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenTest {
    /** The pattern tokens were first found with, which the hand-written tokenizer must agree with. */
    private static final Pattern TOKEN = Pattern.compile(
            "[@#]?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_]|['’.\\-/][\\p{L}\\p{N}])*(?:['’]s?)?|[^\\s\\p{L}\\p{N}]");

    private static List<Token> tokenizeByPattern(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        boolean initial = true;
        while (m.find()) {
            Token token = new Token(m.group(), m.start(), m.end(), initial);
            tokens.add(token);
            initial = token.text().equals(":") || token.text().equals(";") || (initial && !token.isWord());
        }
        return tokens;
    }

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
                    .isEqualTo(tokenizeByPattern(text, from, to));
        }
    }
}
