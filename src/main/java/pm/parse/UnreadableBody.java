package pm.parse;

/**
 * The Markdown body of a file could not be read: nested deeper than pm reads ({@link Nesting}), or the Markdown
 * parser failed on it. The file is reported as unreadable, with the line where known; its body is never linted as
 * if it were empty.
 */
public final class UnreadableBody extends RuntimeException {
    private final int line;

    UnreadableBody(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line in the file, or 0 when unknown. */
    public int line() {
        return line;
    }
}
