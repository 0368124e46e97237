package pm.parse;

import pm.model.SourceText;

/**
 * How deep a body nests its lists and block quotes, read from the start of each line before any Markdown parser
 * sees it. Markdown parsers keep every open list and quote in play for each later line, so a list nested thousands
 * of levels deep costs them time that grows with the square of the depth (flexmark took 98 s for 2,000 levels) or
 * overflows their stack ("- " two thousand times on one line). No postmortem nests that deep; a file that does is
 * refused with one line naming where, before the parser runs.
 */
public final class Nesting {
    /** The deepest nesting of lists and quotes pm reads. */
    public static final int LIMIT = 16;

    private Nesting() {
    }

    /**
     * Checks the lines from offset {@code from} on. A line's depth is the quote markers ('>') it starts with plus the
     * list items open at its list marker: an item stays open for a later marker indented at least to its content
     * (CommonMark's rule), so a stack of the open items' content columns follows the nesting in one pass. Lines
     * inside fenced code blocks are text, whatever they start with; lines that open nothing close nothing here
     * (a lazy continuation keeps lists open in a Markdown parser too).
     *
     * @throws UnreadableBody at the first line deeper than {@link #LIMIT}
     */
    static void check(SourceText source, int from) {
        String text = source.text();
        int n = text.length();
        boolean fenced = false;
        char fence = 0;
        int[] open = new int[LIMIT + 2]; // the content columns of the open list items, outermost first
        int depth = 0;
        for (int line = source.line(from); line <= source.lineCount(); line++) {
            int at = Math.max(from, source.lineStart(line));
            if (at >= n) {
                break;
            }
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '>' && c != '-' && c != '*' && c != '+' && c != '`' && c != '~'
                    && (c < '0' || c > '9')) {
                continue; // most lines: a word, a heading, a table row
            }
            int end = line < source.lineCount() ? source.lineStart(line + 1) : n;
            int column = 0;
            int quotes = 0;
            int i = at;
            boolean marker = false;
            while (i < end) {
                char d = text.charAt(i);
                int width = 0;
                if (d == ' ') {
                    column++;
                    i++;
                    continue;
                } else if (d == '\t') {
                    column += 4 - column % 4;
                    i++;
                    continue;
                } else if (d == '>') {
                    quotes++;
                    column++;
                    i++;
                    continue;
                } else if ((d == '-' || d == '*' || d == '+') && i + 1 < end && isBlank(text.charAt(i + 1))) {
                    width = 1;
                } else if (d >= '0' && d <= '9') {
                    int j = i;
                    while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        j++;
                    }
                    if (j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')') && isBlank(text.charAt(j + 1))) {
                        width = j - i + 1;
                    }
                }
                if (width == 0 || fenced) {
                    break;
                }
                // a list marker at this column: the items whose content starts further right are closed
                marker = true;
                while (depth > 0 && open[depth - 1] > column) {
                    depth--;
                }
                if (depth + quotes >= LIMIT) {
                    throw new UnreadableBody(line, "lists or quotes nested more than " + LIMIT + " levels deep; "
                            + "flatten the list (or put the text in a code block)");
                }
                open[depth++] = column + width + 1;
                column += width;
                i += width;
            }
            if (i + 2 < end && (text.startsWith("```", i) || text.startsWith("~~~", i))) {
                char f = text.charAt(i);
                if (!fenced) {
                    fenced = true;
                    fence = f;
                } else if (f == fence) {
                    fenced = false;
                }
                continue;
            }
            if (!marker && quotes > LIMIT && !fenced) {
                throw new UnreadableBody(line, "quotes nested more than " + LIMIT + " levels deep; remove some "
                        + "of the '>' (or put the text in a code block)");
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
