package pm.overdue;

/** What kind of late or at-risk follow-up a report row is. */
public enum Kind {
    /** An action item past its due date (or, with --due-within, due soon). */
    ACTION_ITEM("action-item", true),
    /** An unfinished action item without a due date: it can never be late, so it silently dies. */
    NO_DUE_DATE("no-due-date", false),
    /** An unfinished action item without a real owner: nobody will do it. */
    NO_OWNER("no-owner", false),
    /** A postmortem behind its own schedule: draft, review, publish, or the 30-day follow-up review. */
    LIFECYCLE("lifecycle", true),
    /**
     * An unfinished action item without a due date past the deadline its follow-up policy sets (or, with
     * --due-within, coming up): the row's due date is the one the policy implies.
     */
    POLICY("policy", true),
    /** An item its policy wants started (P0/P1 by default) still open after the policy's start deadline. */
    NOT_STARTED("not-started", true);

    private final String id;
    private final boolean dated;

    Kind(String id, boolean dated) {
        this.id = id;
        this.dated = dated;
    }

    /** The name used in JSON and CSV. */
    public String id() {
        return id;
    }

    /**
     * Whether rows of this kind have a deadline, so they can be late (or, with --due-within, due soon): they are
     * grouped by owner, aged and counted by --fail-on-overdue. The others are risks without a date.
     */
    public boolean dated() {
        return dated;
    }
}
