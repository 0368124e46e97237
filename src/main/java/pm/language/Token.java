package pm.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word or punctuation mark of a sentence, with its offsets in the text. */
record Token(String text, int start, int end, boolean initial) {

    private static final Pattern TOKEN = Pattern.compile(
            "[@#]?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_]|['’.\\-/][\\p{L}\\p{N}])*(?:['’]s?)?|[^\\s\\p{L}\\p{N}]");

    /** Tokenises {@code text[from, to)}; a token is initial when it starts the sentence or follows a colon. */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        boolean initial = true;
        while (m.find()) {
            Token token = new Token(m.group(), m.start(), m.end(), initial);
            tokens.add(token);
            initial = token.text.equals(":") || token.text.equals(";") || (initial && !token.isWord());
        }
        return tokens;
    }

    boolean isWord() {
        return text.length() > 1 || Character.isLetterOrDigit(text.charAt(0));
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    boolean isPossessive() {
        String lower = lower();
        return lower.length() > 2 && (lower.endsWith("'s") || lower.endsWith("s'"));
    }

    /** Lower case without a possessive ending: {@code "Nadia's"} becomes {@code "nadia"}. */
    String bare() {
        String lower = lower();
        if (lower.endsWith("'s")) {
            return lower.substring(0, lower.length() - 2);
        }
        return lower.endsWith("'") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
