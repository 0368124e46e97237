package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActionItemsKeyTest {

    @Test
    void aKeyIgnoresCaseMarkupPunctuationAndSpacing() {
        assertThat(ActionItems.key("Add a `pg_wal` alert.")).isEqualTo("add a pg wal alert");
        assertThat(ActionItems.key("  [x] Rotate   the KEYS!  ")).isEqualTo("rotate the keys");
        assertThat(ActionItems.key("Ｒｏｔａｔｅ keys")).isEqualTo("rotate keys");
        assertThat(ActionItems.key("---")).isEmpty();
        assertThat(ActionItems.key(null)).isEmpty();
    }

    @Test
    void theAsciiShortcutGivesTheSameKeyAsNormalising() {
        Random random = new Random(42);
        String alphabet = "aZ09 _-.`[]xX\t\n!|";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(25); i > 0; i--) {
                sb.append(random.nextInt(8) == 0 ? (char) random.nextInt(128)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String title = sb.toString();
            assertThat(ActionItems.key(title)).as(title).isEqualTo(ActionItems.normalizedKey(title));
        }
    }
}
