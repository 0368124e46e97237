package pm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActionItemKeyTest {

    @Test
    void aKeyIgnoresCaseMarkupPunctuationAndSpacing() {
        assertThat(ActionItem.keyOf("Add a `pg_wal` alert.")).isEqualTo("add a pg wal alert");
        assertThat(ActionItem.keyOf("  [x] Rotate   the KEYS!  ")).isEqualTo("rotate the keys");
        assertThat(ActionItem.keyOf("Ｒｏｔａｔｅ keys")).isEqualTo("rotate keys");
        assertThat(ActionItem.keyOf("---")).isEmpty();
        assertThat(ActionItem.keyOf(null)).isEmpty();
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
            assertThat(ActionItem.keyOf(title)).as(title).isEqualTo(ActionItem.normalizedKey(title));
        }
    }
}
