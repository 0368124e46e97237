package pm.lint;

import pm.model.Span;

/**
 * One problem in one file.
 *
 * @param file        the file as shown to the user (relative to the working directory when below it)
 * @param span        line and column of its first and last character (columns count UTF-16 units from 1)
 * @param severity    the severity it has in this file (after a draft's relaxation)
 * @param suggestion  a rewrite to consider, or {@code null}
 * @param relaxedFrom the severity the rule has outside drafts, when this file being a draft lowered it; else null
 * @param firm        about something wrong rather than not yet written: never relaxed for a draft
 */
public record Finding(String file, Span span, String rule, Severity severity, String message, String suggestion,
                      Severity relaxedFrom, boolean firm) {

    public Finding(String file, Span span, String rule, Severity severity, String message, String suggestion) {
        this(file, span, rule, severity, message, suggestion, null, false);
    }

    public int line() {
        return span.line();
    }

    public int column() {
        return span.column();
    }

    /** This finding in a draft, at {@code level}: it says what it is once the postmortem goes to review. */
    Finding relaxedTo(Severity level) {
        return new Finding(file, span, rule, level, message, suggestion, severity, firm);
    }

    /** This finding named for another file. */
    public Finding in(String name) {
        return new Finding(name, span, rule, severity, message, suggestion, relaxedFrom, firm);
    }

    /**
     * Why its severity is not the rule's, in a few words ({@code draft; an error from in-review}), or null when it
     * is the rule's.
     */
    public String note() {
        if (relaxedFrom == null) {
            return null;
        }
        return "draft; " + (relaxedFrom == Severity.ERROR ? "an error" : relaxedFrom == Severity.WARNING ? "a warning"
                : "a note") + " from in-review";
    }
}
