package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The first-letter guard in front of the negative-event words finds exactly what the words alone find. */
class NegativeEventTest {
    private static final String WORDS = BlameRules.NEGATIVE_EVENT.substring("(?=[bcdefhilopsrw])".length());

    @Test
    void theGuardLetsEveryWordOfTheListThrough() {
        assertThat(BlameRules.NEGATIVE_EVENT).startsWith("(?=[bcdefhilopsrw])(?:");
        for (String word : WORDS.substring(3, WORDS.length() - 1).split("\\|")) {
            assertThat("bcdefhilopsrw").as(word).contains(word.substring(0, 1));
        }
    }

    @Test
    void withAndWithoutTheGuardTheRuleFindsTheSame() throws IOException {
        String guarded = "\\b" + BlameRules.NEGATIVE_EVENT + "\\b.{0,30}because";
        String plain = "\\b" + WORDS + "\\b.{0,30}because";
        Pattern a = BlameRules.compile("(?<=" + guarded + ")\\s+\\w+");
        Pattern b = BlameRules.compile("(?<=" + plain + ")\\s+\\w+");
        List<String> texts = new ArrayList<>();
        String[] pieces = {"outage", "OUTAGE", "Incident", "broke", "went wrong", "went  wrong", "errors", "error",
            "ſtarted", "ſtalled", "\u212Aey", "Failed", "because", "BECAUSE", " ", "\n", ".", "x", "the", "crashed",
            "İncident", "ıncident", "ß", "lost", "down", "dropped", "wiped", "happened"};
        Random random = new Random(17);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertThat(matches(a, t)).as(t).isEqualTo(matches(b, t));
        }
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.start() + ":" + m.end());
        }
        return out;
    }
}
