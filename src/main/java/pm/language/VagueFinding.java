package pm.language;

/**
 * Why an action item is not actionable.
 *
 * @param message    names the vague part of the item
 * @param suggestion what to add: a concrete change and a checkable end state
 */
public record VagueFinding(String message, String suggestion) {
}
