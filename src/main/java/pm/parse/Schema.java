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
    public static final List<String> STATUSES = List.of("draft", "in-review", "published");
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
