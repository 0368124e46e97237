package pm.model;

/** Something wrong in a file's front matter, reported with its position rather than thrown. */
public record Problem(Span span, String message) {

    public static Problem at(int line, int column, String message) {
        return new Problem(Span.at(line, column), message);
    }

    public int line() {
        return span.line();
    }
}
