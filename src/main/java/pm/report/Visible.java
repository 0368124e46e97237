package pm.report;

/**
 * Text a person will read, made harmless to print: every control character in it becomes a visible escape, so
 * that text from a postmortem, a file name or a command line can neither drive the reader's terminal (ESC, CSI
 * and OSC sequences clear the screen, forge links, write the clipboard) nor start a line of its own (a forged
 * finding, or a CI annotation).
 *
 * <p>Control characters are C0 (U+0000 to U+001F), DEL, C1 (U+0080 to U+009F) and the Unicode line and paragraph
 * separators. They are written {@code \t}, {@code \n}, {@code \r}, {@code \e} (ESC), {@code \u2028},
 * {@code \u2029} and {@code \xHH} for the others ({@code \x07}, {@code \x9b}). Every other character is left as
 * it is, so text without control characters prints exactly as before. Only user text goes through here: pm's own
 * colour codes are added around it afterwards. The machine formats (JSON, SARIF, CSV) keep the text as written
 * and escape it their own way.
 */
public final class Visible {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Visible() {
    }

    /** Whether {@code c} is a control character in the sense above. */
    public static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }

    /** The index of the first control character in {@code s}, or -1 when it has none. */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code s} with each control character written as its visible escape: one line that cannot drive a terminal.
     *
     * @return {@code s} itself when it holds no control character; {@code null} for {@code null}
     */
    public static String of(String s) {
        int first = s == null ? -1 : firstControl(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                escape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The visible escape of one control character, e.g. {@code \e} for ESC. */
    public static String escape(char c) {
        return escape(new StringBuilder(6), c).toString();
    }

    private static StringBuilder escape(StringBuilder sb, char c) {
        return switch (c) {
            case '\t' -> sb.append("\\t");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\u001b' -> sb.append("\\e");
            case '\u2028' -> sb.append("\\u2028");
            case '\u2029' -> sb.append("\\u2029");
            default -> sb.append("\\x").append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        };
    }
}
