package pm.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Strict date and timestamp reading, with messages that say what to write instead. */
public final class Dates {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SPACED = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");
    private static final Pattern UTC_SUFFIX = Pattern.compile("\\s*UTC$");
    private static final Pattern SPACED_OFFSET = Pattern.compile(" (?=[+-]\\d{2}:?\\d{2}$)");
    private static final Pattern SHAPED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    private Dates() {
    }

    /** A parsed value or the reason there is none. */
    public record Result<T>(T value, String problem) {
        public boolean ok() {
            return value != null;
        }
    }

    /** Reads YYYY-MM-DD; "2024-02-30" and "next week" give a problem naming what is wrong. */
    public static Result<LocalDate> date(String text) {
        String s = text == null ? "" : text.strip();
        if (!ISO_DATE.matcher(s).matches()) {
            return new Result<>(null, "'" + s + "' is not a date; write it as YYYY-MM-DD");
        }
        try {
            return new Result<>(LocalDate.parse(s), null);
        } catch (DateTimeParseException e) {
            return new Result<>(null, "'" + s + "' is not a real calendar date");
        }
    }

    /** Reads an ISO-8601 timestamp; without an offset it is taken as UTC. A space may stand for 'T'. */
    public static Result<Instant> timestamp(String text) {
        String s = text == null ? "" : text.strip();
        String iso = SPACED.matcher(s).matches() ? s.replaceFirst(" ", "T") : s;
        iso = SPACED_OFFSET.matcher(UTC_SUFFIX.matcher(iso).replaceFirst("Z")).replaceFirst("");
        try {
            return new Result<>(OffsetDateTime.parse(iso).toInstant(), null);
        } catch (DateTimeParseException e) {
            try {
                return new Result<>(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC), null);
            } catch (DateTimeParseException e2) {
                boolean shaped = SHAPED.matcher(iso).matches();
                return new Result<>(null, shaped
                        ? "'" + s + "' is not a real date and time"
                        : "'" + s + "' is not a timestamp; write it as YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC)");
            }
        }
    }
}
