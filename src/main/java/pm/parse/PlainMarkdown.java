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
    /** An image from {@code a} to {@code b}: none of it is text. */
    static final int IMAGE = 4;

    private PlainMarkdown() {
    }

    sealed interface Block permits Heading, Paragraph, Item, Table, Comment {
    }

    /** {@code # text}: the line from {@code start} to {@code end}, its text from {@code textStart}. */
    record Heading(int level, int start, int end, int textStart, int[] tokens) implements Block {
    }

    /**
     * Consecutive lines: {@code lines} holds each line's text start and end, {@code tokens} each line's tokens,
     * {@code breaks} where the line break after each line but the last stands (the line feed, or for a hard break the
     * spaces or backslash before it), {@code hard} whether that break is hard.
     */
    record Paragraph(int[] lines, int[][] tokens, int[] breaks, boolean[] hard) implements Block {
    }

    /**
     * A list item: its marker at {@code start}, its paragraph's lines as a {@link Paragraph} (continuation lines
     * indented to its text); {@code nested} when it is inside the item above it.
     */
    record Item(int start, Paragraph text, boolean nested) implements Block {
        int textStart() {
            return text.lines()[0];
        }

        int end() {
            return text.lines()[text.lines().length - 1];
        }
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

    /** A paragraph's lines as they are read. */
    private static final class Lines {
        private int[] lines = new int[8];
        private final List<int[]> tokens = new ArrayList<>();
        private int[] breaks = new int[4];
        private boolean[] hard = new boolean[4];
        private int count;

        /** Adds a line, its text from {@code from} to {@code to}; its break, hard or not, stands at {@code breakAt}. */
        void add(int from, int to, int[] t, int breakAt, boolean isHard) {
            if (2 * count + 2 > lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            if (count + 1 > breaks.length) {
                breaks = Arrays.copyOf(breaks, breaks.length * 2);
                hard = Arrays.copyOf(hard, hard.length * 2);
            }
            lines[2 * count] = from;
            lines[2 * count + 1] = to;
            tokens.add(t);
            breaks[count] = breakAt;
            hard[count] = isHard;
            count++;
        }

        /** Whether the last line ends in a hard break, which at the end of a paragraph is no break at all. */
        boolean endsHard() {
            return count > 0 && hard[count - 1];
        }

        Paragraph paragraph() {
            return new Paragraph(Arrays.copyOf(lines, 2 * count), tokens.toArray(new int[0][]),
                    Arrays.copyOf(breaks, Math.max(0, count - 1)), Arrays.copyOf(hard, Math.max(0, count - 1)));
        }
    }

    /** The blocks of a body, or {@code null} when it holds anything outside the subset. */
    static List<Block> read(String text) {
        // one copy to index: in the JIT compiler pm runs with, String.charAt costs several checks a character
        char[] body = text.toCharArray();
        int n = body.length;
        List<Block> blocks = new ArrayList<>();
        Prev prev = Prev.NONE;
        Lines para = null;
        int itemContent = -1; // where the last top-level item's text starts, counted from its line's start
        int lastContent = -1; // likewise for the last item line, top-level or nested
        int lastItem = -1; // where in blocks the last item is
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
            char rule = thematicBreak(body, pos, eol);
            if (prev == Prev.PARAGRAPH && (blank || c == '#' || fence || c == '>' || rule == '*' || rule == '_')) {
                if (para.endsHard()) {
                    return null;
                }
                blocks.add(para.paragraph());
            }
            if (blank) {
                prev = Prev.BLANK;
            } else if (prev == Prev.QUOTE && c != '>') {
                return null; // a line after a quotation that is not blank continues it (lazily)
            } else if (rule != 0) {
                if (prev == Prev.TABLE || prev == Prev.ITEM || prev == Prev.COMMENT || prev == Prev.PARAGRAPH && rule == '-') {
                    return null; // under a paragraph, a line of dashes makes it a heading
                }
                prev = Prev.FENCE; // a thematic break: nothing in the model
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
                int indent = 0;
                while (pos + indent < eol && body[pos + indent] == ' ') {
                    indent++;
                }
                if (prev != Prev.ITEM || itemContent < 0) {
                    return null;
                }
                int marker = marker(body, pos + indent, eol);
                if (marker < 0) {
                    // more of the last item's text, indented as far as it
                    int at = pos + indent;
                    char d = body[at];
                    boolean opensFence = (d == '`' || d == '~') && eol - at >= 3 && body[at + 1] == d && body[at + 2] == d;
                    int[] tokens = indent != lastContent || opensFence || !startsParagraph(body, at, eol) ? null
                            : inline(body, at, eol, false, false);
                    if (tokens == null) {
                        return null;
                    }
                    Item last = (Item) blocks.get(lastItem);
                    blocks.set(lastItem, new Item(last.start(), withLine(last.text(), at, eol, tokens, body),
                            last.nested()));
                } else {
                    // a nested item: indented as far as the text of the top-level item above it (or up to three more)
                    if (indent < itemContent || indent > itemContent + 3
                            || !startsList(body, pos + indent, marker, nestedKind)) {
                        return null;
                    }
                    Item item = item(body, pos + indent, marker, eol, true);
                    if (item == null) {
                        return null;
                    }
                    blocks.add(item);
                    lastItem = blocks.size() - 1;
                    lastContent = indent + marker;
                    nestedKind = kind(body, pos + indent, marker);
                }
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
                    lastItem = blocks.size() - 1;
                    itemContent = marker;
                    lastContent = marker;
                    itemKind = kind(body, pos, marker);
                    nestedKind = 0;
                    prev = Prev.ITEM;
                } else {
                    if (prev == Prev.ITEM || prev == Prev.TABLE || prev == Prev.COMMENT || !startsParagraph(body, pos, eol)) {
                        return null;
                    }
                    // a hard line break: two spaces or more, or a backslash, at the end of a line that is not the last
                    int end = eol;
                    boolean hard = false;
                    if (body[eol - 1] == ' ') {
                        while (end > pos && body[end - 1] == ' ') {
                            end--;
                        }
                        if (eol - end < 2) {
                            return null;
                        }
                        hard = true;
                    } else if (body[eol - 1] == '\\' && (eol - 2 < pos || body[eol - 2] != '\\')) {
                        end = eol - 1;
                        hard = true;
                    }
                    int[] tokens = end > pos ? inline(body, pos, end, false, false) : null;
                    if (tokens == null) {
                        return null;
                    }
                    if (prev != Prev.PARAGRAPH) {
                        para = new Lines();
                    }
                    para.add(pos, end, tokens, hard ? end : eol, hard);
                    prev = Prev.PARAGRAPH;
                }
            }
            if (prev != Prev.ITEM) {
                itemContent = -1;
                lastContent = -1;
                lastItem = -1;
                itemKind = 0;
                nestedKind = 0;
            }
            pos = next;
        }
        if (prev == Prev.PARAGRAPH) {
            if (para.endsHard()) {
                return null;
            }
            blocks.add(para.paragraph());
        }
        return blocks;
    }

    /** A paragraph with one more line, read after a soft line break at the end of its last line. */
    private static Paragraph withLine(Paragraph p, int from, int to, int[] tokens, char[] body) {
        Lines lines = new Lines();
        int[] l = p.lines();
        int k = l.length / 2;
        for (int i = 0; i < k; i++) {
            int lineEnd = l[2 * i + 1];
            lines.add(l[2 * i], lineEnd, p.tokens()[i], i < k - 1 ? p.breaks()[i] : indexOf(body, '\n', lineEnd),
                    i < k - 1 && p.hard()[i]);
        }
        lines.add(from, to, tokens, to, false);
        return lines.paragraph();
    }

    /** The character of a thematic break line ("---", "* * *", "___"), or 0 when the line is not one. */
    private static char thematicBreak(char[] s, int pos, int eol) {
        char c = s[pos];
        if (c != '-' && c != '*' && c != '_') {
            return 0;
        }
        int marks = 0;
        for (int i = pos; i < eol; i++) {
            if (s[i] == c) {
                marks++;
            } else if (s[i] != ' ') {
                return 0;
            }
        }
        return marks >= 3 ? c : 0;
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
        if (tokens == null) {
            return null;
        }
        Lines lines = new Lines();
        lines.add(text, eol, tokens, eol, false);
        return new Item(pos, lines.paragraph(), nested);
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
                int end = open != 0 ? -1 : linkEnd(s, i, to, cell);
                if (end < 0) {
                    return null;
                }
                out = text(out, count, textStart, i);
                count = size(out, count, textStart, i);
                out = put(out, count, LINK, i + 1, indexOf(s, ']', i), 0);
                count += 4;
                i = end;
                textStart = i;
            } else if (c == '&') {
                if (i + 1 < to && (Character.isLetterOrDigit(s[i + 1]) || s[i + 1] == '#')) {
                    return null; // an entity
                }
                i++;
            } else if (c == '!' && i + 1 < to && s[i + 1] == '[') {
                if (open != 0) {
                    return null;
                }
                int end = linkEnd(s, i + 1, to, cell);
                if (end < 0) {
                    return null;
                }
                out = text(out, count, textStart, i);
                count = size(out, count, textStart, i);
                out = put(out, count, IMAGE, i, end, 0);
                count += 4;
                i = end;
                textStart = i;
            } else if (c == '\\') {
                if (i + 1 >= to || s[i + 1] < ' ') {
                    return null; // at the end of a line, a hard break
                }
                i += 2; // an escaped character, or a backslash: as written, in flexmark's text
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

    /**
     * Where {@code [text](url)} that starts at {@code at} ends (after its ')'), or -1 when what stands there is
     * not one: text of plain characters, and a target without spaces, brackets, quotes or escapes.
     */
    private static int linkEnd(char[] s, int at, int to, boolean cell) {
        int close = at + 1;
        while (close < to && linkTextChar(s[close], cell)) {
            close++;
        }
        if (close == at + 1 || close + 1 >= to || s[close] != ']' || s[close + 1] != '(') {
            return -1;
        }
        int end = close + 2;
        while (end < to && urlChar(s[end], cell)) {
            end++;
        }
        return end == close + 2 || end >= to || s[end] != ')' ? -1 : end + 1;
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
            if (c == '|' && body[i - 1] == '\\') {
                return null; // an escaped pipe, which the table extension reads inside a cell
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
            if (dashes < 1 || j >= eol || body[j] != '|') { // as flexmark is set up: GFM's one or more
                return -1;
            }
            count++;
            i = j + 1;
        }
        return count;
    }
}
