package pm.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import pm.model.SourceText;

/**
 * Finds a quoted sentence in a postmortem, as src/scripts/locate-labels does: from the line it is said to start on
 * (or the one before or after), whitespace runs as one space, then ignoring case.
 */
final class Located {
    private Located() {
    }

    /** The text with whitespace collapsed, hashed: the check a located label carries. */
    static String check(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1")
                    .digest(text.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** [start, end) offsets of {@code quoted} starting on {@code line} (or next to it), or null. */
    static int[] find(SourceText source, int line, String quoted) {
        String want = quoted.replaceAll("\\s+", " ").strip();
        if (want.isEmpty()) {
            return null;
        }
        for (int first : new int[] {line, line - 1, line + 1}) {
            if (first < 1 || first > source.lineCount()) {
                continue;
            }
            int from = source.lineStart(first);
            int to = source.lineStart(Math.min(source.lineCount(), first + 40));
            to = Math.max(to, source.lineEnd(Math.min(source.lineCount(), first + 40)));
            int[] span = search(source.text(), from, to, want);
            if (span == null && want.endsWith(".")) {
                span = search(source.text(), from, to, want.substring(0, want.length() - 1));
            }
            if (span != null && source.line(span[0]) == first) {
                return span;
            }
        }
        return null;
    }

    /** The first place of {@code quoted} anywhere in the file, or null. */
    static int[] anywhere(SourceText source, String quoted) {
        String want = quoted.replaceAll("\\s+", " ").strip();
        return want.isEmpty() ? null : search(source.text(), 0, source.text().length(), want);
    }

    private static int[] search(String text, int from, int to, String want) {
        StringBuilder hay = new StringBuilder();
        int[] places = new int[Math.max(1, to - from + 1)];
        int n = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (hay.length() > 0 && hay.charAt(hay.length() - 1) != ' ') {
                    hay.append(' ');
                    places[n++] = i;
                }
            } else {
                hay.append(c);
                places[n++] = i;
            }
        }
        String h = hay.toString();
        int at = h.indexOf(want);
        if (at < 0) {
            at = h.toLowerCase(java.util.Locale.ROOT).indexOf(want.toLowerCase(java.util.Locale.ROOT));
        }
        if (at < 0) {
            return null;
        }
        return new int[] {places[at], places[at + want.length() - 1] + 1};
    }
}
