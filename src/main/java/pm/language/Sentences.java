package pm.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits prose into sentences, keeping character offsets into the original text. */
final class Sentences {

    /** A half-open range {@code [start, end)} of the text. */
    record Span(int start, int end) {
        String of(String text) {
            return text.substring(start, end);
        }
    }

    /** Sentence end: terminal punctuation (and closing quotes/brackets) before whitespace, or a blank line. */
    private static final Pattern BOUNDARY =
            Pattern.compile("[.!?]+[\"'”’)\\]]*(?=\\s)|\\n\\s*\\n");

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "cf", "approx", "mr", "mrs", "ms", "dr", "no", "fig", "incl", "est");

    private Sentences() {
    }

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        Matcher m = BOUNDARY.matcher(text);
        while (m.find()) {
            if (text.charAt(m.start()) == '.' && isAbbreviation(text, m.start())) {
                continue;
            }
            add(spans, text, start, m.end());
            start = m.end();
        }
        add(spans, text, start, text.length());
        return spans;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int i = dot;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            i--;
        }
        return ABBREVIATIONS.contains(text.substring(i, dot).toLowerCase());
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
