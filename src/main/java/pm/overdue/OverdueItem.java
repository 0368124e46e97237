package pm.overdue;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the overdue report.
 *
 * @param file        the postmortem's path as shown to the user
 * @param line        the line of the action item (or of the front matter key a lifecycle rule reads)
 * @param postmortem  the postmortem's title (its file name when it has none)
 * @param title       what is late: the action item's title, or the lifecycle step
 * @param owner       who owns it as written, {@code null} when nobody does (missing or a placeholder)
 * @param owners      the people matched by {@code --owner}: the owner, or a postmortem's authors
 * @param due         the due date (for lifecycle rows: the incident date plus the configured days; for policy and
 *                    not-started rows: the deadline the item's policy sets), or null
 * @param priority    P0–P3 or null
 * @param status      the action item's status id, or for lifecycle rows the postmortem's status; may be null
 * @param daysOverdue days past due (0 = due today, negative = due in that many days); null without a due date
 * @param note        why a no-owner, no-due-date, policy or not-started row is listed, or null
 * @param severity    the postmortem's severity, or null
 * @param services    the postmortem's services
 * @param policy      the name of the follow-up policy that made the row late (policy and not-started rows), or null
 */
public record OverdueItem(
        Kind kind,
        String file,
        int line,
        String postmortem,
        String title,
        String owner,
        List<String> owners,
        LocalDate due,
        String priority,
        String status,
        Long daysOverdue,
        String note,
        String severity,
        List<String> services,
        String policy) {

    public OverdueItem {
        owners = List.copyOf(owners);
        services = List.copyOf(services);
    }

    /** A row no policy made late. */
    public OverdueItem(Kind kind, String file, int line, String postmortem, String title, String owner,
            List<String> owners, LocalDate due, String priority, String status, Long daysOverdue, String note,
            String severity, List<String> services) {
        this(kind, file, line, postmortem, title, owner, owners, due, priority, status, daysOverdue, note, severity,
                services, null);
    }

    /** Days overdue, or {@link Long#MIN_VALUE} for a row that cannot be late: the key rows are ordered by. */
    public long lateness() {
        return daysOverdue == null ? Long.MIN_VALUE : daysOverdue;
    }

    /**
     * Past its due date (its own, the postmortem's lifecycle deadline, or its policy's): what {@code
     * --fail-on-overdue} and the aging buckets count.
     */
    public boolean overdue() {
        return kind.dated() && daysOverdue != null && daysOverdue > 0;
    }

    /** Listed only because of {@code --due-within}: due today or in the next days. */
    public boolean upcoming() {
        return kind.dated() && daysOverdue != null && daysOverdue <= 0;
    }
}
