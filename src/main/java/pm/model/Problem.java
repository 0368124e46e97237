package pm.model;

/**
 * Something wrong in a file's front matter, reported with its position rather than thrown.
 *
 * @param subject what the problem is about, so that the rule that checks that thing can report it
 */
public record Problem(Span span, String message, Subject subject) {

    /** What a problem is about. */
    public enum Subject {
        /** The front matter itself: its YAML, a field's type or value, the incident times. */
        FRONT_MATTER,
        /** An action item's due date, which the action-item-due rule reports with the item's title. */
        ACTION_ITEM_DUE,
        /** An action item's priority, which the action-item-priority rule reports with the item's title. */
        ACTION_ITEM_PRIORITY
    }

    /** A problem with the front matter itself. */
    public static Problem at(int line, int column, String message) {
        return new Problem(Span.at(line, column), message, Subject.FRONT_MATTER);
    }

    public int line() {
        return span.line();
    }
}
