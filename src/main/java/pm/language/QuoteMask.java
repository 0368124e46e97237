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
            if (opens(text.charAt(i)) && beginsAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a character can begin a match: a quote mark, or the g of "git". */
    static boolean opens(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u2018' || c == 'g' || c == 'G';
    }

    /** Whether a match may begin at {@code i}, whose character {@link #opens} one: a quote, or "git" in any case. */
    static boolean beginsAt(String text, int i) {
        char c = text.charAt(i);
        if (c != 'g' && c != 'G') {
            return true;
        }
        // only an i, or a letter beyond ASCII such as the dotless one, matches the i of "git" ignoring case
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return (next == 'i' || next == 'I' || next >= 128) && text.regionMatches(true, i, "git", 0, 3);
    }
}
