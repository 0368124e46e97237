package pm.lint;

import pm.model.Span;

/**
 * One problem in one file.
 *
 * @param file       the file as shown to the user (relative to the working directory when below it)
 * @param span       line and column of its first and last character (columns count UTF-16 units from 1)
 * @param suggestion a rewrite to consider, or {@code null}
 */
public record Finding(String file, Span span, String rule, Severity severity, String message, String suggestion) {

    public int line() {
        return span.line();
    }

    public int column() {
        return span.column();
    }
}
