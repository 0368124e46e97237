package pm.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pm.model.Headings;

/**
 * What a team can configure about how its postmortems are written: the severities front matter may take, and
 * the headings of the eight sections ({@code lint.section_synonyms}).
 */
public record Schema(List<String> severities, Headings headings) {
    public static final List<String> DEFAULT_SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");
    /**
     * A postmortem's statuses, in the order it goes through them: written, under review, reviewed (the review is
     * held; clears the review deadline of {@code pm overdue}), published. Compare them with {@link #reached}.
     */
    public static final List<String> STATUSES = List.of("draft", "in-review", "reviewed", "published");
    public static final String DRAFT = "draft";
    public static final String IN_REVIEW = "in-review";
    public static final String REVIEWED = "reviewed";
    public static final String PUBLISHED = "published";
    public static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3");

    public static final Schema DEFAULT = new Schema(DEFAULT_SEVERITIES, Headings.DEFAULT);

    public Schema {
        severities = List.copyOf(severities);
    }

    /** The configured spelling of a severity, matched ignoring case. */
    public Optional<String> severity(String text) {
        return match(severities, text);
    }

    public static Optional<String> status(String text) {
        return match(STATUSES, text);
    }

    /**
     * Whether a postmortem whose status is {@code status} (as {@link #status} spells it) has reached {@code step}
     * or gone past it in draft → in-review → reviewed → published. A missing or unknown status has reached none.
     */
    public static boolean reached(String status, String step) {
        int at = status == null ? -1 : STATUSES.indexOf(status);
        int goal = STATUSES.indexOf(step);
        if (goal < 0) {
            throw new IllegalArgumentException("not a status: " + step);
        }
        return at >= goal;
    }

    public static Optional<String> priority(String text) {
        return match(PRIORITIES, text);
    }

    private static Optional<String> match(List<String> allowed, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) { // a loop, not a stream: this runs for every field of every action item
            if (a.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
