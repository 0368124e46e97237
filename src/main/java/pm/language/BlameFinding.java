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
public record BlameFinding(int start, int end, String family, String message, String suggestion,
                           Certainty certainty) {

    /** How sure pm is that a person is blamed. */
    public enum Certainty {
        /** A person is named or described as the one who failed, and the judgment is explicit. */
        SURE,
        /** The words judge, but pm cannot tell whether (or which) person is meant. */
        UNSURE,
        /** The writers blame themselves. */
        SELF
    }

    /** The same finding, {@code offset} characters further on: from a sentence's offsets to its text's. */
    BlameFinding movedBy(int offset) {
        return offset == 0 ? this
                : new BlameFinding(start + offset, end + offset, family, message, suggestion, certainty);
    }
}
