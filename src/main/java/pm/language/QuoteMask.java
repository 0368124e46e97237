package pm.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out text that is reported rather than asserted: quoted passages and the {@code git blame}
 * command. Replaced characters become spaces, so offsets stay valid.
 */
final class QuoteMask {

    private static final Pattern REPORTED = Pattern.compile(
            "\"[^\"\\n]*\"" // straight double quotes
                    + "|“[^”\\n]*”" // curly double quotes
                    + "|‘[^’\\n]*’(?![\\p{L}\\p{N}])" // curly single quotes (’ alone is an apostrophe)
                    + "|(?<![\\p{L}\\p{N}])'[^'\\s][^'\\n]{0,80}'(?![\\p{L}\\p{N}])" // straight single quotes
                    + "|(?i)\\bgit\\s+blame\\b");

    private QuoteMask() {
    }

    static String apply(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = REPORTED.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
