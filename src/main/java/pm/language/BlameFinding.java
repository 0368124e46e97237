package pm.language;

/**
 * Language that blames a person.
 *
 * @param start      offset of the first character of the phrase in the analysed text
 * @param end        offset just after the phrase
 * @param family     {@code fault}, {@code counterfactual}, {@code human-error}, {@code character},
 *                   {@code judgmental-question}, {@code hindsight} or {@code custom}
 * @param message    what is wrong, quoting the phrase
 * @param suggestion a prompt for a systemic rewrite
 */
public record BlameFinding(int start, int end, String family, String message, String suggestion) {
}
