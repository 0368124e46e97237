package pm.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A word or punctuation mark of a sentence, with its offsets in the text. */
record Token(String text, int start, int end, boolean initial) {

    /** Tokenises {@code text[from, to)}; a token is initial when it starts the sentence or follows a colon. */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        boolean initial = true;
        int i = from;
        while (i < to) {
            int c = at(text, i, to);
            if (c < 0 || isSpace(c)) {
                i++; // as find() moves on where no token starts
                continue;
            }
            int j = i;
            if ((c == '@' || c == '#') && isWordChar(at(text, i + 1, to))) {
                j = i + 1;
            }
            int w = at(text, j, to);
            if (isWordChar(w)) {
                j += Character.charCount(w);
                while (true) {
                    int d = at(text, j, to);
                    if (isWordChar(d) || d == '_') {
                        j += Character.charCount(d);
                    } else if ((d == '\'' || d == '\u2019' || d == '.' || d == '-' || d == '/')
                            && isWordChar(at(text, j + 1, to))) {
                        j += 1 + Character.charCount(at(text, j + 1, to));
                    } else {
                        break;
                    }
                }
                int d = at(text, j, to);
                if (d == '\'' || d == '\u2019') {
                    j++;
                    if (at(text, j, to) == 's') {
                        j++;
                    }
                }
            } else {
                j = i + Character.charCount(c);
            }
            Token token = new Token(text.substring(i, j), i, j, initial);
            tokens.add(token);
            initial = token.text.equals(":") || token.text.equals(";") || (initial && !token.isWord());
            i = j;
        }
        return tokens;
    }

    /** The code point at {@code i}, or -1 when it does not lie wholly before {@code to}. */
    private static int at(String text, int i, int to) {
        if (i >= to) {
            return -1;
        }
        int c = Character.codePointAt(text, i);
        return i + Character.charCount(c) <= to ? c : -1;
    }

    private static boolean isWordChar(int c) {
        if (c < 0) {
            return false;
        }
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
