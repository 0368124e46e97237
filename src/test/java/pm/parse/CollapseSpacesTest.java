package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CollapseSpacesTest {

    @Test
    void eachRunOfWhitespaceBecomesOneSpace() {
        assertThat(PostmortemParser.collapseSpaces(" a \t\n b  c\r\n")).isEqualTo(" a b c ");
        assertThat(PostmortemParser.collapseSpaces("a\u00A0b")).isEqualTo("a\u00A0b"); // not \s
        assertThat(PostmortemParser.collapseSpaces("")).isEmpty();
    }

    @Test
    void actsExactlyLikeReplacingBackslashSPlusWithASpace() {
        Random random = new Random(3);
        String alphabet = "ab \t\n\r\f\u000B\u00A0\u2028.";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(PostmortemParser.collapseSpaces(s)).isEqualTo(s.replaceAll("\\s+", " "));
        }
    }
}
