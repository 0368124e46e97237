package pm.model;

/** A range in the original file: 1-based lines and columns, end inclusive of its last character's column. */
public record Span(int line, int column, int endLine, int endColumn) {

    public static Span at(int line, int column) {
        return new Span(line, column, line, column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
