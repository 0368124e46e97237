package pm.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Markdown most postmortems are written in, without flexmark: ATX headings, paragraphs, single-line list
 * items (bullets, numbers, checkboxes, one level of nesting), pipe tables, one-line HTML comments, fenced code
 * blocks and block quotes (both skipped, as the model skips them), each block line starting at column one; and
 * inline, code spans, simple emphasis ({@code *x*}, {@code **x**}, {@code _x_}) and links ({@code [text](url)}).
 * Anything else anywhere in the body (escapes, entities, HTML, images, indentation other than a nested item's,
 * tabs, CR, other blocks, a construct where CommonMark would read it otherwise, an emphasis mark that does not
 * pair simply) makes {@link #read} return {@code null}, and the body is parsed by flexmark as before. For the bodies
 * it accepts, {@link PostmortemParser} builds exactly the model flexmark's tree gives (checked by
 * {@code PlainMarkdownTest} on the templates, the examples, generated and mutated documents, and the real
 * postmortems in ../shared/data when present).
 *
 * <p>All offsets are into the body string. The inline pieces of a stretch of text are kept as {@link #TEXT},
 * {@link #CODE}, {@link #LINK} and {@link #BOX} tokens, four ints each.
 */
final class PlainMarkdown {
    /** Text as written, from {@code a} to {@code b}. */
    static final int TEXT = 0;
    /** A code span from {@code a} to {@code b} (backticks included); {@code k} backticks open and close it. */
    static final int CODE = 1;
    /** A link whose text is from {@code a} to {@code b}; its brackets and target are not text. */
    static final int LINK = 2;
    /** A checkbox at {@code a} ("[ ]" or "[x]"), which flexmark reads as a reference link: {@code b} is 1 for x. */
    static final int BOX = 3;

    private PlainMarkdown() {
    }

    sealed interface Block permits Heading, Paragraph, Item, Table, Comment {
    }

    /** {@code # text}: the line from {@code start} to {@code end}, its text from {@code textStart}. */
    record Heading(int level, int start, int end, int textStart, int[] tokens) implements Block {
    }

    /** Consecutive lines; {@code lines} holds each line's start and end, {@code tokens} each line's tokens. */
    record Paragraph(int[] lines, int[][] tokens) implements Block {
    }

    /**
     * A list item on one line: its marker at {@code start}, its paragraph from {@code textStart} to {@code end};
     * {@code nested} when it is inside the item above it.
     */
    record Item(int start, int textStart, int end, boolean nested, int[] tokens) implements Block {
    }

    /** A pipe table; {@code rows.get(0)} is the header, the separator line is left out. */
    record Table(int start, int end, List<Row> rows) implements Block {
    }

    /** A table row: the line, each cell's text (trimmed) as start and end pairs, and each cell's tokens. */
    record Row(int start, int end, int[] cells, int[][] tokens) {
    }

    /** A line {@code <!-- ... -->}. */
    record Comment(int start, int end) implements Block {
    }

    private enum Prev { NONE, BLANK, HEADING, PARAGRAPH, ITEM, TABLE, COMMENT, FENCE, QUOTE }

    /** The blocks of a body, or {@code null} when it holds anything outside the subset. */
    static List<Block> read(String text) {
        // one copy to index: in the JIT compiler pm runs with, String.charAt costs several checks a character
        char[] body = text.toCharArray();
        int n = body.length;
        List<Block> blocks = new ArrayList<>();
        Prev prev = Prev.NONE;
        int[] para = null;
        List<int[]> paraTokens = null;
        int paraLen = 0;
        int itemContent = -1; // where the last top-level item's text starts, counted from its line's start
        char itemKind = 0; // the last top-level item's bullet, or its number's delimiter
        char nestedKind = 0; // likewise for the last nested item under it
        int pos = 0;
        while (pos < n) {
            int eol = indexOf(body, '\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int next = eol + 1;
            char c = body[pos];
            boolean blank = isBlank(body, pos, eol);
            boolean fence = (c == '`' || c == '~') && eol - pos >= 3 && body[pos + 1] == c && body[pos + 2] == c;
            if (prev == Prev.PARAGRAPH && (blank || c == '#' || fence || c == '>')) {
                blocks.add(new Paragraph(Arrays.copyOf(para, paraLen), paraTokens.toArray(new int[0][])));
            }
            if (blank) {
                prev = Prev.BLANK;
            } else if (prev == Prev.QUOTE && c != '>') {
                return null; // a line after a quotation that is not blank continues it (lazily)
            } else if (c == '#') {
                if (prev == Prev.TABLE) {
                    return null;
                }
                Heading h = heading(body, pos, eol);
                if (h == null) {
                    return null;
                }
                blocks.add(h);
                prev = Prev.HEADING;
            } else if (c == '|') {
                if (prev != Prev.NONE && prev != Prev.BLANK && prev != Prev.HEADING && prev != Prev.FENCE) {
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
            } else if (fence) {
                if (prev == Prev.TABLE || prev == Prev.ITEM || prev == Prev.COMMENT || prev == Prev.QUOTE) {
                    return null;
                }
                int close = fence(body, pos, eol);
                if (close < 0) {
                    return null;
                }
                next = close;
                prev = Prev.FENCE;
            } else if (c == '>') {
                if (prev == Prev.TABLE || prev == Prev.ITEM || prev == Prev.COMMENT) {
                    return null;
                }
                prev = Prev.QUOTE; // skipped, as the model skips quotations
            } else if (c == '<') {
                int again = text.indexOf("<!--", pos + 4);
                if (prev == Prev.PARAGRAPH || prev == Prev.TABLE || prev == Prev.ITEM
                        || !text.startsWith("<!--", pos) || text.indexOf("-->", pos + 4) != eol - 3
                        || (again >= 0 && again < eol) || !commentChars(body, pos, eol)) {
                    return null;
                }
                blocks.add(new Comment(pos, eol));
                prev = Prev.COMMENT;
            } else if (c == ' ') {
                // a nested item: indented as far as the text of the item above it (or up to three more)
                int indent = 0;
                while (pos + indent < eol && body[pos + indent] == ' ') {
                    indent++;
                }
                int marker = marker(body, pos + indent, eol);
                if (prev != Prev.ITEM || itemContent < 0 || indent < itemContent || indent > itemContent + 3
                        || marker < 0 || !startsList(body, pos + indent, marker, nestedKind)) {
                    return null;
                }
                Item item = item(body, pos + indent, marker, eol, true);
                if (item == null) {
                    return null;
                }
                blocks.add(item);
                nestedKind = kind(body, pos + indent, marker);
            } else {
                int marker = marker(body, pos, eol);
                if (marker >= 0) {
                    if (prev == Prev.PARAGRAPH || prev == Prev.TABLE
                            || prev == Prev.ITEM && !startsList(body, pos, marker, itemKind)) {
                        return null;
                    }
                    Item item = item(body, pos, marker, eol, false);
                    if (item == null) {
                        return null;
                    }
                    blocks.add(item);
                    itemContent = item.textStart() - pos;
                    itemKind = kind(body, pos, marker);
                    nestedKind = 0;
                    prev = Prev.ITEM;
                } else {
                    if (prev == Prev.ITEM || prev == Prev.TABLE || prev == Prev.COMMENT || !startsParagraph(body, pos, eol)) {
                        return null;
                    }
                    int[] tokens = inline(body, pos, eol, false, false);
                    if (tokens == null) {
                        return null;
                    }
                    if (prev != Prev.PARAGRAPH) {
                        para = para == null ? new int[16] : para;
                        paraLen = 0;
                        paraTokens = new ArrayList<>();
                    }
                    if (paraLen + 2 > para.length) {
                        para = Arrays.copyOf(para, para.length * 2);
                    }
                    para[paraLen++] = pos;
                    para[paraLen++] = eol;
                    paraTokens.add(tokens);
                    prev = Prev.PARAGRAPH;
                }
            }
            if (prev != Prev.ITEM) {
                itemContent = -1;
                itemKind = 0;
                nestedKind = 0;
            }
            pos = next;
        }
        if (prev == Prev.PARAGRAPH) {
            blocks.add(new Paragraph(Arrays.copyOf(para, paraLen), paraTokens.toArray(new int[0][])));
        }
        return blocks;
    }

    /**
     * The width of a list marker and the space after it at {@code pos} ("- ", "* ", "+ ", "1. ", "12) "), or -1 when
     * the line does not start with one.
     */
    private static int marker(char[] s, int pos, int eol) {
        char c = s[pos];
        if (c == '-' || c == '*' || c == '+') {
            return pos + 1 < eol && s[pos + 1] == ' ' ? 2 : -1;
        }
        int i = pos;
        while (i < eol && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i == pos || i - pos > 9 || i + 1 >= eol || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ') {
            return -1;
        }
        return i - pos + 2;
    }

    /** The kind of a list marker: its bullet, or the delimiter after its number. */
    private static char kind(char[] s, int pos, int width) {
        return s[pos + width - 2];
    }

    /**
     * Whether an item with this marker can follow the line of an item of kind {@code after} (0 for none): a bullet
     * always can, and so can a number in the same list; another number only starting from 1, or it would be read
     * as more of the item above's text.
     */
    private static boolean startsList(char[] s, int pos, int width, char after) {
        char k = kind(s, pos, width);
        if (k == '-' || k == '*' || k == '+' || k == after) {
            return true;
        }
        return width == 3 && s[pos] == '1';
    }

    /** The item whose marker of {@code width} is at {@code pos}: one line of inline text; else {@code null}. */
    private static Item item(char[] s, int pos, int width, int eol, boolean nested) {
        int text = pos + width;
        if (eol - text < 1 || s[text] == ' ') {
            return null;
        }
        char c = s[text];
        boolean box = c == '[' && text + 3 < eol && s[text + 2] == ']' && s[text + 3] == ' '
                && (s[text + 1] == ' ' || s[text + 1] == 'x' || s[text + 1] == 'X');
        if (!box && !startsParagraph(s, text, eol)) {
            return null;
        }
        int[] tokens = inline(s, text, eol, false, true);
        return tokens == null ? null : new Item(pos, text, eol, nested, tokens);
    }

    /** A fenced code block opening at {@code pos}: where the line after its closing fence starts, or -1. */
    private static int fence(char[] s, int pos, int eol) {
        char f = s[pos];
        int width = 0;
        while (pos + width < eol && s[pos + width] == f) {
            width++;
        }
        for (int i = pos + width; i < eol; i++) {
            if (f == '`' && s[i] == '`' || s[i] < ' ') {
                return -1; // a backtick in the info string makes it inline code
            }
        }
        int line = eol + 1;
        while (line < s.length) {
            int end = indexOf(s, '\n', line);
            if (end < 0) {
                end = s.length;
            }
            int k = 0;
            while (line + k < end && s[line + k] == f) {
                k++;
            }
            if (k >= width && isBlank(s, line + k, end)) {
                return end + 1;
            }
            int lead = 0;
            while (line + lead < end && s[line + lead] == ' ') {
                lead++;
            }
            if (lead > 0 && lead < 4 && line + lead < end && s[line + lead] == f) {
                return -1; // an indented fence may close it: left to flexmark
            }
            line = end + 1;
        }
        return -1; // never closed: it would run to the end of the document
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

    /** {@code #{1,6} text} with one space, no closing hashes and inline text; else {@code null}. */
    private static Heading heading(char[] body, int pos, int eol) {
        int level = 0;
        while (pos + level < eol && body[pos + level] == '#') {
            level++;
        }
        int text = pos + level + 1;
        if (level > 6 || text >= eol || body[text - 1] != ' ' || body[eol - 1] == '#' || body[text] == ' '
                || body[eol - 1] == ' ') {
            return null;
        }
        int[] tokens = inline(body, text, eol, false, false);
        return tokens == null ? null : new Heading(level, pos, eol, text, tokens);
    }

    /** Whether a paragraph line can start with what is at {@code from}: no block starts so. */
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
        return startsText(s, from, to);
    }

    /** Whether inline text can start with {@code s[from]}: a letter, a bracket or quote, or an inline construct. */
    private static boolean startsText(char[] s, int from, int to) {
        char c = s[from];
        if (c == '*' || c == '_') {
            return from + 1 < to && s[from + 1] != ' ' && s[from + 1] != c || from + 2 < to && s[from + 1] == c
                    && s[from + 2] != ' ' && s[from + 2] != c; // an emphasis opener, not a rule or a bullet
        }
        return Character.isLetterOrDigit(c) || c == '(' || c == '"' || c == '\'' || c == '[' || c == '`';
    }

    /** Not special anywhere in a line of inline text. */
    private static boolean plainChar(char c) {
        return c < 128 ? PLAIN_ASCII[c] : plainBeyondAscii(c);
    }

    private static boolean plainBeyondAscii(char c) {
        return !Character.isSurrogate(c) && c != '\u00a0' && c != '\u2028' && c != '\u2029' && c != '\ufeff';
    }

    private static final boolean[] PLAIN_ASCII = new boolean[128];

    static {
        for (char c = ' '; c < 127; c++) {
            PLAIN_ASCII[c] = "\\`*_[]<&|!".indexOf(c) < 0;
        }
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * The tokens of the inline text from {@code from} to {@code to}, or {@code null} when it holds anything outside
     * the subset. No leading or trailing space, no control character.
     *
     * @param cell      in a table cell, where '|' ends the cell (a code span or link may not hold one)
     * @param itemStart at the start of a list item, where "[ ] " and "[x] " are checkboxes
     */
    static int[] inline(char[] s, int from, int to, boolean cell, boolean itemStart) {
        if (from >= to || s[from] == ' ' || s[to - 1] == ' ') {
            return null;
        }
        int[] out = new int[16];
        int count = 0;
        int i = from;
        int textStart = from;
        if (itemStart && s[i] == '[' && i + 3 < to && s[i + 2] == ']' && s[i + 3] == ' ') {
            char inner = s[i + 1];
            if (inner != ' ' && inner != 'x' && inner != 'X') {
                return null;
            }
            out = put(out, count, BOX, i, inner == ' ' ? 0 : 1, 0);
            count += 4;
            i += 3;
            textStart = i;
        }
        char open = 0; // the emphasis mark open, or 0
        int openRun = 0;
        while (i < to) {
            char c = s[i];
            if (c == '`') {
                int k = run(s, i, to, '`');
                int close = k > 2 || open != 0 ? -1 : codeEnd(s, i + k, to, k);
                if (close < 0 || close == i + k || s[i + k] == ' ' || s[close - 1] == ' ') {
                    return null;
                }
                for (int j = i + k; j < close; j++) {
                    if (s[j] < ' ' || cell && s[j] == '|' || Character.isSurrogate(s[j])) {
                        return null;
                    }
                }
                out = text(out, count, textStart, i);
                count = size(out, count, textStart, i);
                out = put(out, count, CODE, i, close + k, k);
                count += 4;
                i = close + k;
                textStart = i;
            } else if (c == '*' || c == '_') {
                if (c == '_' && i > from && i + 1 < to && wordChar(s[i - 1]) && wordChar(s[i + 1])) {
                    i++; // an underscore inside a word is a character, never emphasis
                    continue;
                }
                int k = run(s, i, to, c);
                if (k > 2) {
                    return null;
                }
                char before = i == from ? ' ' : s[i - 1];
                char after = i + k < to ? s[i + k] : ' ';
                if (open == 0) {
                    if (" (\"'".indexOf(before) < 0 || after == ' ' || after == '*' || after == '_' || after == '`'
                            || after == '[') {
                        return null;
                    }
                    open = c;
                    openRun = k;
                } else {
                    if (c != open || k != openRun || before == ' ' || " .,;:!?)\"'-/".indexOf(after) < 0) {
                        return null;
                    }
                    open = 0;
                }
                out = text(out, count, textStart, i);
                count = size(out, count, textStart, i);
                i += k;
                textStart = i;
            } else if (c == '[') {
                if (open != 0 || i > from && s[i - 1] == '!') {
                    return null;
                }
                int close = i + 1;
                while (close < to && linkTextChar(s[close], cell)) {
                    close++;
                }
                if (close == i + 1 || close + 1 >= to || s[close] != ']' || s[close + 1] != '(') {
                    return null;
                }
                int end = close + 2;
                while (end < to && urlChar(s[end], cell)) {
                    end++;
                }
                if (end == close + 2 || end >= to || s[end] != ')') {
                    return null;
                }
                out = text(out, count, textStart, i);
                count = size(out, count, textStart, i);
                out = put(out, count, LINK, i + 1, close, 0);
                count += 4;
                i = end + 1;
                textStart = i;
            } else if (c == '&') {
                if (i + 1 < to && (Character.isLetterOrDigit(s[i + 1]) || s[i + 1] == '#')) {
                    return null; // an entity
                }
                i++;
            } else if (c == '!' && i + 1 < to && s[i + 1] == '[') {
                return null; // an image
            } else if (c == '!' || c == '|' && cell) {
                i++;
            } else if (!plainChar(c)) {
                return null;
            } else {
                i++;
            }
        }
        if (open != 0) {
            return null;
        }
        out = text(out, count, textStart, to);
        count = size(out, count, textStart, to);
        return Arrays.copyOf(out, count);
    }

    private static boolean linkTextChar(char c, boolean cell) {
        return plainChar(c) && c != '&';
    }

    private static boolean urlChar(char c, boolean cell) {
        return c > ' ' && c < 127 && c != '(' && c != ')' && c != '<' && c != '>' && c != '`' && c != '\\'
                && c != '"' && c != '\'' && !(cell && c == '|');
    }

    /** How many {@code c} stand in a row from {@code i}. */
    private static int run(char[] s, int i, int to, char c) {
        int k = 0;
        while (i + k < to && s[i + k] == c) {
            k++;
        }
        return k;
    }

    /** Where the run of exactly {@code k} backticks that closes a code span starts, from {@code from}; -1. */
    private static int codeEnd(char[] s, int from, int to, int k) {
        for (int j = from; j < to; j++) {
            if (s[j] == '`') {
                return run(s, j, to, '`') == k ? j : -1; // a span holding backticks is left to flexmark
            }
        }
        return -1;
    }

    private static int[] put(int[] out, int count, int kind, int a, int b, int k) {
        int[] o = count + 4 > out.length ? Arrays.copyOf(out, out.length * 2) : out;
        o[count] = kind;
        o[count + 1] = a;
        o[count + 2] = b;
        o[count + 3] = k;
        return o;
    }

    /** Adds a text token when the stretch is not empty. */
    private static int[] text(int[] out, int count, int a, int b) {
        return a < b ? put(out, count, TEXT, a, b, 0) : out;
    }

    private static int size(int[] out, int count, int a, int b) {
        return a < b ? count + 4 : count;
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

    /** The cells of {@code |a|b|}, each trimmed of spaces, or {@code null} when one is not inline text. */
    private static Row row(char[] body, int pos, int eol) {
        int[] cells = new int[16];
        List<int[]> tokens = new ArrayList<>();
        int count = 0;
        int cell = pos + 1;
        boolean code = false; // inside a code span, where a '|' would still end the cell
        for (int i = pos + 1; i < eol; i++) {
            char c = body[i];
            if (c == '`') {
                code = !code;
            }
            if (c == '|') {
                int s = cell;
                int e = i;
                while (s < e && body[s] == ' ') {
                    s++;
                }
                while (e > s && body[e - 1] == ' ') {
                    e--;
                }
                if (code || body[cell] == '-') {
                    return null;
                }
                int[] t = s == e ? new int[0] : inline(body, s, e, true, false);
                if (t == null) {
                    return null;
                }
                if (count + 2 > cells.length) {
                    cells = Arrays.copyOf(cells, cells.length * 2);
                }
                cells[count++] = s;
                cells[count++] = e;
                tokens.add(t);
                cell = i + 1;
            }
        }
        return count == 0 ? null : new Row(pos, eol, Arrays.copyOf(cells, count), tokens.toArray(new int[0][]));
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
