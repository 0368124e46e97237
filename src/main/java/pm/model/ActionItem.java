package pm.model;

import java.time.LocalDate;

/**
 * One follow-up from a postmortem: from the front matter {@code action_items} list, a row of the
 * action-item table, or a list item under the Action items section.
 *
 * @param due       the due date when {@code dueText} is a valid date, else {@code null}
 * @param dueText   the due date as written ({@code null} when absent)
 * @param dueProblem why {@code dueText} is not a date ({@code null} when it is, or is absent)
 */
public record ActionItem(
        String title,
        String owner,
        String dueText,
        LocalDate due,
        String dueProblem,
        String priority,
        String status,
        String link,
        Origin origin,
        Span span) {

    public enum Origin {
        FRONT_MATTER("front matter"), TABLE("action-item table"), LIST("action-item list");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean hasOwner() {
        return owner != null && !owner.isBlank();
    }

    public boolean hasPriority() {
        return priority != null && !priority.isBlank();
    }
}
