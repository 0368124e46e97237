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
        if (!mayMatch(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        Matcher m = REPORTED.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** Every match needs a quote character or "git" (any case): most prose has neither, and skips the regex. */
    static boolean mayMatch(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '\u201C' || c == '\u2018'
                    || (c == 'g' || c == 'G') && text.regionMatches(true, i, "git", 0, 3)) {
                return true;
            }
        }
        return false;
    }
}
