package pm.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain Markdown most postmortems are written in, without flexmark: ATX headings, paragraphs
 * of plain text, one-line bullet items, pipe tables and one-line HTML comments, each line starting at
 * column one. Anything else anywhere in the body (emphasis, code, links, escapes, entities, indentation,
 * tabs, CR, other blocks, a construct in a place where CommonMark would read it otherwise) makes
 * {@link #read} return {@code null}, and the body is parsed by flexmark as before. For the bodies it
 * accepts, {@link PostmortemParser} builds exactly the model flexmark's tree gives (checked by
 * {@code PlainMarkdownTest} on every test input and thousands of generated and mutated documents).
 *
 * <p>All offsets are into the body string.
 */
final class PlainMarkdown {
    private PlainMarkdown() {
    }

    sealed interface Block permits Heading, Paragraph, Item, Table, Comment {
    }

    /** {@code # text}: the line from {@code start} to {@code end}, its text from {@code textStart}. */
    record Heading(int level, int start, int end, int textStart) implements Block {
    }

    /** Consecutive plain lines; {@code lines} holds each line's start and end. */
    record Paragraph(int[] lines) implements Block {
    }

    /** {@code - text} on one line: the item's paragraph is the text from {@code textStart} to {@code end}. */
    record Item(int start, int textStart, int end) implements Block {
    }

    /** A pipe table; {@code rows.get(0)} is the header, the separator line is left out. */
    record Table(int start, int end, List<Row> rows) implements Block {
    }

    /** A table row: the line, and each cell's text (trimmed) as start and end pairs. */
    record Row(int start, int end, int[] cells) {
    }

    /** A line {@code <!-- ... -->}. */
    record Comment(int start, int end) implements Block {
    }

    private enum Prev { NONE, BLANK, HEADING, PARAGRAPH, ITEM, TABLE, COMMENT }

    /** The blocks of a body, or {@code null} when it holds anything outside the plain subset. */
    static List<Block> read(String text) {
        // one copy to index: in the JIT compiler pm runs with, String.charAt costs several checks a character
        char[] body = text.toCharArray();
        int n = body.length;
        List<Block> blocks = new ArrayList<>();
        Prev prev = Prev.NONE;
        int[] para = null;
        int paraLen = 0;
        int pos = 0;
        while (pos < n) {
            int eol = indexOf(body, '\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int next = eol + 1;
            char c = body[pos];
            if (isBlank(body, pos, eol)) {
                if (prev == Prev.PARAGRAPH) {
                    blocks.add(new Paragraph(java.util.Arrays.copyOf(para, paraLen)));
                }
                prev = Prev.BLANK;
            } else if (c == '#') {
                if (prev == Prev.PARAGRAPH) {
                    blocks.add(new Paragraph(java.util.Arrays.copyOf(para, paraLen)));
                } else if (prev == Prev.TABLE) {
                    return null;
                }
                Heading h = heading(body, pos, eol);
                if (h == null) {
                    return null;
                }
                blocks.add(h);
                prev = Prev.HEADING;
            } else if (c == '|') {
                if (prev != Prev.NONE && prev != Prev.BLANK && prev != Prev.HEADING) {
                    return null;
                }
                int end = pos;
                while (end < n && body[end] == '|') {
                    int e = indexOf(body, '\n', end);
                    end = e < 0 ? n : e + 1;
                }
                Table t = table(body, pos, end);
                if (t == null) {
                    return null;
                }
                blocks.add(t);
                next = end;
                prev = Prev.TABLE;
            } else if (c == '-') {
                if (prev == Prev.PARAGRAPH || prev == Prev.TABLE) {
                    return null;
                }
                if (eol - pos < 3 || body[pos + 1] != ' ' || !plainLine(body, pos + 2, eol, true)) {
                    return null;
                }
                blocks.add(new Item(pos, pos + 2, eol));
                prev = Prev.ITEM;
            } else if (c == '<') {
                int again = text.indexOf("<!--", pos + 4);
                if (prev == Prev.PARAGRAPH || prev == Prev.TABLE || prev == Prev.ITEM
                        || !text.startsWith("<!--", pos) || text.indexOf("-->", pos + 4) != eol - 3
                        || (again >= 0 && again < eol) || !commentChars(body, pos, eol)) {
                    return null;
                }
                blocks.add(new Comment(pos, eol));
                prev = Prev.COMMENT;
            } else {
                if (prev == Prev.ITEM || prev == Prev.TABLE || prev == Prev.COMMENT
                        || !plainLine(body, pos, eol, true)) {
                    return null;
                }
                if (prev != Prev.PARAGRAPH) {
                    para = para == null ? new int[16] : para;
                    paraLen = 0;
                }
                if (paraLen + 2 > para.length) {
                    para = java.util.Arrays.copyOf(para, para.length * 2);
                }
                para[paraLen++] = pos;
                para[paraLen++] = eol;
                prev = Prev.PARAGRAPH;
            }
            pos = next;
        }
        if (prev == Prev.PARAGRAPH) {
            blocks.add(new Paragraph(java.util.Arrays.copyOf(para, paraLen)));
        }
        return blocks;
    }

    private static int indexOf(char[] s, char c, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean commentChars(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** {@code #{1,6} text} with one space, no closing hashes and plain text; else {@code null}. */
    private static Heading heading(char[] body, int pos, int eol) {
        int level = 0;
        while (pos + level < eol && body[pos + level] == '#') {
            level++;
        }
        int text = pos + level + 1;
        if (level > 6 || text >= eol || body[text - 1] != ' ' || body[eol - 1] == '#'
                || !plainLine(body, text, eol, false)) {
            return null;
        }
        return new Heading(level, pos, eol, text);
    }

    /**
     * Plain text from {@code from} to {@code to}: it starts with a character no block can start with
     * (when {@code start} is set), and holds no character that means something inline or in a table,
     * no control character, and no trailing space (two make a hard line break).
     */
    private static boolean plainLine(char[] s, int from, int to, boolean start) {
        if (from >= to || s[to - 1] == ' ' || s[from] == ' ') {
            return false;
        }
        if (start && !startsParagraph(s, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!plainChar(s[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsParagraph(char[] s, int from, int to) {
        char c = s[from];
        if (c >= '0' && c <= '9') {
            int i = from;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
            // "1. " or "1)" at the end begins an ordered list ("99.9%" does not)
            return i - from > 9 || i >= to || (s[i] != '.' && s[i] != ')')
                    || (i + 1 < to && s[i + 1] != ' ');
        }
        return Character.isLetter(c) || c == '(' || c == '"' || c == '\'';
    }

    /** Not special anywhere in a line of plain text. */
    private static boolean plainChar(char c) {
        return c < 128 ? PLAIN_ASCII[c] : plainBeyondAscii(c);
    }

    private static boolean plainBeyondAscii(char c) {
        return !Character.isSurrogate(c) && c != '\u00a0' && c != '\u2028' && c != '\u2029' && c != '\ufeff';
    }

    private static final boolean[] PLAIN_ASCII = new boolean[128];

    static {
        for (char c = ' '; c < 127; c++) {
            PLAIN_ASCII[c] = "\\`*_[]<&|~".indexOf(c) < 0;
        }
    }

    /** Lines {@code start..end} all begin with '|': a header, a separator and rows with as many cells. */
    private static Table table(char[] body, int start, int end) {
        List<Row> rows = new ArrayList<>();
        int pos = start;
        int columns = -1;
        int lineNo = 0;
        int last = start;
        while (pos < end) {
            int eol = indexOf(body, '\n', pos);
            if (eol < 0 || eol > end) {
                eol = end;
            }
            if (eol - pos < 2 || body[eol - 1] != '|') {
                return null;
            }
            if (lineNo == 1) {
                if (separatorCells(body, pos, eol) != columns) {
                    return null;
                }
            } else {
                Row row = row(body, pos, eol);
                if (row == null || (columns >= 0 && row.cells().length / 2 != columns)) {
                    return null;
                }
                columns = row.cells().length / 2;
                rows.add(row);
            }
            lineNo++;
            last = eol;
            pos = eol + 1;
        }
        if (lineNo < 2) {
            return null;
        }
        return new Table(start, last, rows);
    }

    /** The cells of {@code |a|b|}, each trimmed of spaces, or {@code null} when one is not plain. */
    private static Row row(char[] body, int pos, int eol) {
        int[] cells = new int[16];
        int count = 0;
        int cell = pos + 1;
        for (int i = pos + 1; i < eol; i++) {
            char c = body[i];
            if (c == '|') {
                int s = cell;
                int e = i;
                while (s < e && body[s] == ' ') {
                    s++;
                }
                while (e > s && body[e - 1] == ' ') {
                    e--;
                }
                if (count + 2 > cells.length) {
                    cells = java.util.Arrays.copyOf(cells, cells.length * 2);
                }
                cells[count++] = s;
                cells[count++] = e;
                cell = i + 1;
            } else if (!plainChar(c) || c == '-' && i == cell) {
                return null;
            }
        }
        return count == 0 ? null : new Row(pos, eol, java.util.Arrays.copyOf(cells, count));
    }

    /** How many cells {@code |---|:--:|} has, or -1 when it is not a separator line. */
    private static int separatorCells(char[] body, int pos, int eol) {
        int count = 0;
        int i = pos + 1;
        while (i < eol) {
            int j = i;
            while (j < eol && body[j] == ' ') {
                j++;
            }
            if (j < eol && body[j] == ':') {
                j++;
            }
            int dashes = 0;
            while (j < eol && body[j] == '-') {
                j++;
                dashes++;
            }
            if (j < eol && body[j] == ':') {
                j++;
            }
            while (j < eol && body[j] == ' ') {
                j++;
            }
            if (dashes < 3 || j >= eol || body[j] != '|') { // flexmark wants three
                return -1;
            }
            count++;
            i = j + 1;
        }
        return count;
    }
}
