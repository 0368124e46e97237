package pm.report;

/**
 * Text in XML 1.0, for the XML formats (Checkstyle, JUnit): the five markup characters escaped, line breaks and
 * tabs in attributes kept as character references (a parser would fold them to spaces), and the characters XML 1.0
 * cannot hold at all written visibly (other C0 controls as their {@link Visible} escape; lone surrogates, U+FFFE
 * and U+FFFF as {@code \\uXXXX}), so a byte from a postmortem can never make the report unreadable. The other
 * control characters (DEL, C1, U+2028, U+2029) are character references: a parser reads them back as written,
 * and the file shown on a terminal cannot drive it.
 */
final class Xml {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Xml() {
    }

    /** {@code s} as an attribute value, to go between double quotes. */
    static String attribute(String s) {
        return escape(s, true);
    }

    /** {@code s} as element content. */
    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> attribute ? "&quot;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> "&#13;";
                case '\t' -> attribute ? "&#9;" : null;
                default -> !allowed(s, i) ? (c < 0x20 ? Visible.escape(c) : String.format("\\u%04x", (int) c))
                        : Visible.isControl(c) ? "&#x" + Integer.toHexString(c) + ";" : null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Whether XML 1.0 may hold the char at {@code i} (a surrogate only as half of a pair). */
    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
