package pm.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> sentences(String text) {
        return Sentences.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsAtTerminalPunctuationBeforeWhitespace() {
        assertThat(sentences("The job failed. It retried!  Did it work? Yes"))
                .containsExactly("The job failed.", "It retried!", "Did it work?", "Yes");
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheSentence() {
        assertThat(sentences("He said \"stop.\" Then (after a pause.) it ran."))
                .containsExactly("He said \"stop.\"", "Then (after a pause.)", "it ran.");
    }

    @Test
    void aBlankLineEndsASentenceWithoutPunctuation() {
        assertThat(sentences("first line\n  \n\nsecond")).containsExactly("first line", "second");
    }

    @Test
    void punctuationInsideWordsOrBeforeTheEndIsNotABoundary() {
        assertThat(sentences("Version 1.2.3 shipped at 10.30 today.")).containsExactly("Version 1.2.3 shipped at 10.30 today.");
        assertThat(sentences("It stopped...")).containsExactly("It stopped...");
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertThat(sentences("Caches, e.g. Redis, and queues etc. were slow. Dr. Lee paged."))
                .containsExactly("Caches, e.g. Redis, and queues etc. were slow.", "Dr. Lee paged.");
    }

    @Test
    void anAbbreviationIsAWholeWordInAnyCase() {
        assertThat(sentences("It took APPROX. five minutes. We asked Redr. Then a bistro. No. 5 ran."))
                .containsExactly("It took APPROX. five minutes.", "We asked Redr.", "Then a bistro.", "No. 5 ran.");
        assertThat(sentences("Ask Ðr. Lee. Ask DR. Lee.")).containsExactly("Ask Ðr.", "Lee.", "Ask DR. Lee.");
    }

    /** The regular expression the hand-written scanner replaces, with the same abbreviation rule. */
    private static List<Sentences.Span> byRegex(String text) {
        Set<String> abbreviations = Set.of(
                "e.g", "i.e", "etc", "vs", "cf", "approx", "mr", "mrs", "ms", "dr", "no", "fig", "incl", "est");
        List<Sentences.Span> spans = new ArrayList<>();
        int start = 0;
        Matcher m = Pattern.compile(Sentences.BOUNDARY_REGEX).matcher(text);
        while (m.find()) {
            if (text.charAt(m.start()) == '.') {
                int i = m.start();
                while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
                    i--;
                }
                if (abbreviations.contains(text.substring(i, m.start()).toLowerCase())) {
                    continue;
                }
            }
            trimmed(spans, text, start, m.end());
            start = m.end();
        }
        trimmed(spans, text, start, text.length());
        return spans;
    }

    private static void trimmed(List<Sentences.Span> spans, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new Sentences.Span(start, end));
        }
    }

    @Test
    void findsExactlyTheBoundariesOfTheReferenceExpression() {
        String alphabet = "ab .!?\"'”’)]\n\t\r\u000B\f\u00A0etcDr";
        Random random = new Random(20261123);
        for (int run = 0; run < 30_000; run++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(Sentences.split(text)).as("sentences of %s", text.replace("\n", "\\n"))
                    .isEqualTo(byRegex(text));
        }
    }
}
