package pm.lint;

import pm.model.Span;

/** Where a rule reports what it found; the engine adds the file, the rule id and the severity. */
public interface FindingSink {
    /**
     * @param span       where, in the original file
     * @param message    what is wrong and what to do, one line
     * @param suggestion a rewrite to consider, or {@code null}
     */
    void report(Span span, String message, String suggestion);

    default void report(Span span, String message) {
        report(span, message, null);
    }

    /**
     * A finding one severity below the rule's ({@link Severity#lower}): likely but uncertain, or one the writers
     * make about themselves. The message says why.
     */
    void reportLowered(Span span, String message, String suggestion);

    /**
     * A finding about something written wrong rather than not yet written (YAML that does not parse, an unknown
     * value, an impossible date): it keeps the rule's severity in a draft too.
     */
    default void reportFirm(Span span, String message) {
        report(span, message);
    }
}
