package pm.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits prose into sentences, keeping character offsets into the original text. */
final class Sentences {

    /** A half-open range {@code [start, end)} of the text. */
    record Span(int start, int end) {
        String of(String text) {
            return text.substring(start, end);
        }
    }

    /**
     * Sentence end: terminal punctuation (and closing quotes/brackets) before whitespace, or a blank line.
     * The same boundaries as the regular expression {@code [.!?]+["'”’)\]]*(?=\s)|\n\s*\n} found left to
     * right (kept in the tests as the reference), scanned by hand because this runs on every paragraph.
     */
    static final String BOUNDARY_REGEX = "[.!?]+[\"'”’)\\]]*(?=\\s)|\\n\\s*\\n";

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "cf", "approx", "mr", "mrs", "ms", "dr", "no", "fig", "incl", "est");
    private static final String[] ABBREVIATION_LIST = ABBREVIATIONS.toArray(String[]::new);
    /** The length of the longest abbreviation: a longer run of letters and dots is none of them. */
    private static final int LONGEST_ABBREVIATION = longest(ABBREVIATION_LIST);

    private static int longest(String[] words) {
        int most = 0;
        for (String w : words) {
            most = Math.max(most, w.length());
        }
        return most;
    }

    private Sentences() {
    }

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        char[] chars = text.toCharArray(); // indexed directly: String.charAt costs more in the C1 compiler
        int n = chars.length;
        int i = 0;
        while (i < n) {
            char c = chars[i];
            int end = c == '.' || c == '!' || c == '?' || c == '\n' ? boundaryAt(chars, i) : -1;
            if (end < 0) {
                i++;
                continue;
            }
            if (c != '.' || !isAbbreviation(text, i)) {
                add(spans, text, start, end);
                start = end;
            }
            i = end;
        }
        add(spans, text, start, text.length());
        return spans;
    }

    /** The end of a boundary that starts at {@code i}, or -1 when none starts there. */
    private static int boundaryAt(char[] text, int i) {
        int n = text.length;
        char c = text[i];
        if (c == '.' || c == '!' || c == '?') {
            int j = i + 1;
            while (j < n && isTerminal(text[j])) {
                j++;
            }
            while (j < n && isCloser(text[j])) {
                j++;
            }
            return j < n && isSpace(text[j]) ? j : -1;
        }
        if (c == '\n') {
            int last = -1;
            for (int j = i + 1; j < n && isSpace(text[j]); j++) {
                if (text[j] == '\n') {
                    last = j;
                }
            }
            return last < 0 ? -1 : last + 1;
        }
        return -1;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']';
    }

    /** {@code \s} of a regular expression: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }


    private static boolean isAbbreviation(String text, int dot) {
        int i = dot;
        boolean ascii = true;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            if (dot - i == LONGEST_ABBREVIATION) {
                return false; // most sentences end with a longer word: no string made, nothing looked up
            }
            i--;
            ascii &= text.charAt(i) < 128;
        }
        if (!ascii) {
            return ABBREVIATIONS.contains(text.substring(i, dot).toLowerCase(java.util.Locale.ROOT));
        }
        for (String a : ABBREVIATION_LIST) { // ASCII folds one character to one: compared in place
            if (a.length() == dot - i && text.regionMatches(true, i, a, 0, a.length())) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Span> spans, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new Span(start, end));
        }
    }
}
