package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** missing-section's quick look at a section's first line agrees with splitting the section into lines. */
class MissingSectionLinesTest {
    private static final Pattern SEPARATOR = Pattern.compile("\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*");

    /** The first line with content is neither a table row nor a separator, by splitting at every \R. */
    private static boolean oracle(String rest) {
        for (String line : rest.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                return !s.startsWith("|") && !SEPARATOR.matcher(s).matches();
            }
        }
        return false;
    }

    @Test
    void firstLineWithContentIsJudgedAsWhenTheSectionIsSplitIntoLines() throws Exception {
        Method m = MissingSection.class.getDeclaredMethod("startsWithProse", CharSequence.class);
        m.setAccessible(true);
        String[] pieces = {"\n", "\r\n", "\r", " ", "\t", "\u000B", "\f", "\u0085", "\u2028", "\u2003", "\u00a0", "|",
            "-", ":", "---", "| a |", "|---|", "Text", "x", ":--:", " | "};
        Random random = new Random(23);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String rest = sb.toString();
            assertThat(m.invoke(null, rest)).as(rest).isEqualTo(oracle(rest));
        }
    }
}
