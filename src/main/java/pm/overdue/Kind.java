package pm.overdue;

/** What kind of late or at-risk follow-up a report row is. */
public enum Kind {
    /** An action item past its due date (or, with --due-within, due soon). */
    ACTION_ITEM("action-item"),
    /** An unfinished action item without a due date: it can never be late, so it silently dies. */
    NO_DUE_DATE("no-due-date"),
    /** An unfinished action item without a real owner: nobody will do it. */
    NO_OWNER("no-owner"),
    /** A postmortem behind its own schedule: draft, review, publish, or the 30-day follow-up review. */
    LIFECYCLE("lifecycle");

    private final String id;

    Kind(String id) {
        this.id = id;
    }

    /** The name used in JSON and CSV. */
    public String id() {
        return id;
    }
}
