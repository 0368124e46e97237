package pm.model;

import java.util.Arrays;

/**
 * The text of a file as read, with a line index for turning character offsets into line and column.
 * A UTF-8 byte order mark is removed from {@link #text()} and remembered, so offsets and columns are
 * the same as for the file without it; CRLF line endings are kept, so every offset is an offset into
 * the original characters.
 */
public final class SourceText {
    private final String text;
    private final boolean bom;
    private final int[] lineStarts;

    private SourceText(String text, boolean bom) {
        this(text, bom, indexLines(text));
    }

    private SourceText(String text, boolean bom, int[] lineStarts) {
        this.text = text;
        this.bom = bom;
        this.lineStarts = lineStarts;
    }

    /**
     * For a decoder that found the line breaks while decoding: {@code lineStarts} must be 0 and the offset after
     * each "\n", and the text must hold no CR and start with no byte order mark (as {@link #of} would find them).
     */
    public static SourceText withLines(String text, int[] lineStarts) {
        if (text.startsWith("\uFEFF") || lineStarts.length == 0 || lineStarts[0] != 0) {
            return of(text);
        }
        return new SourceText(text, false, lineStarts);
    }

    public static SourceText of(String decoded) {
        if (!decoded.isEmpty() && decoded.charAt(0) == '\uFEFF') {
            return new SourceText(decoded.substring(1), true);
        }
        return new SourceText(decoded, false);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        if (text.indexOf('\r') < 0) {
            // only "\n" breaks lines: String.indexOf finds them several times faster than a loop over charAt
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = nl + 1;
            }
            return Arrays.copyOf(starts, n);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    public String text() {
        return text;
    }

    public boolean hasBom() {
        return bom;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of a character offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a character offset. */
    public int column(int offset) {
        int line = line(offset);
        return Math.max(0, offset) - lineStarts[line - 1] + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
    }

    /** Offset just past the last character of a 1-based line, before its line break. */
    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The text of a 1-based line without its line break. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** A span from a start offset (inclusive) to an end offset (exclusive). */
    public Span span(int start, int end) {
        int last = Math.max(start, end - 1);
        return new Span(line(start), column(start), line(last), column(last));
    }

    /** The line separator the file mostly uses: "\r\n" when its first line ends so, else "\n". */
    public String lineSeparator() {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}
