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
        if (isoDate(s, 0) && s.length() == 10) {
            // the common case without the regular expression and the formatter: the same value, the same problem
            try {
                return new Result<>(LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)), null);
            } catch (java.time.DateTimeException e) {
                return new Result<>(null, "'" + s + "' is not a real calendar date");
            }
        }
        if (!ISO_DATE.matcher(s).matches()) {
            String padded = padded(s);
            return new Result<>(null, "'" + s + "' is not a date; write it as "
                    + (padded == null ? "YYYY-MM-DD" : padded));
        }
        try {
            return new Result<>(LocalDate.parse(s), null);
        } catch (DateTimeParseException e) {
            return new Result<>(null, "'" + s + "' is not a real calendar date");
        }
    }

    private static final Pattern SHORT_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /** {@code 2025-04-09} for {@code 2025-4-9} when that is a real day, else {@code null}. */
    private static String padded(String s) {
        java.util.regex.Matcher m = SHORT_DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * A date-time as YAML (and Jekyll) writes one after a date: 'T' or spaces, HH:MM, optional seconds and
     * fraction, an optional zone (Z, UTC, GMT, ±HH, ±HHMM, ±HH:MM).
     */
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(?:[Tt]|[ \\t]+)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    /**
     * Reads the day of a front-matter {@code date}: YYYY-MM-DD, or a date-time (a YAML timestamp such as Jekyll
     * writes, "2016-11-18 15:05:00 -0800"), whose day is kept as written: the zone does not move it.
     */
    public static Result<LocalDate> day(String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() > 10 && isoDate(s, 0) && TIME_OF_DAY.matcher(s).region(10, s.length()).matches()) {
            Result<LocalDate> d = date(s.substring(0, 10));
            return d.ok() ? d : new Result<>(null, "'" + s + "' is not a real calendar date");
        }
        if (s.length() > 10 && isoDate(s, 0)) {
            return new Result<>(null, "'" + s + "' is not a date; write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM");
        }
        return date(s);
    }

    /** Reads an ISO-8601 timestamp; without an offset it is taken as UTC. A space may stand for 'T'. */
    public static Result<Instant> timestamp(String text) {
        String s = text == null ? "" : text.strip();
        Instant utc = plainUtc(s);
        if (utc != null) {
            return new Result<>(utc, null);
        }
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

    /** YYYY-MM-DDTHH:MM:SSZ with a real date and time, read without parsing machinery; else {@code null}. */
    private static Instant plainUtc(String s) {
        if (s.length() != 20 || !isoDate(s, 0) || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(19) != 'Z' || !digitsAt(s, 11, 2) || !digitsAt(s, 14, 2) || !digitsAt(s, 17, 2)) {
            return null;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            return null; // the parser says what is wrong
        }
        try {
            return LocalDateTime.of(LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)),
                    java.time.LocalTime.of(hour, minute, second)).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Does {@code s} hold DDDD-DD-DD (ASCII digits) at {@code at}? */
    private static boolean isoDate(String s, int at) {
        return s.length() >= at + 10 && digitsAt(s, at, 4) && s.charAt(at + 4) == '-' && digitsAt(s, at + 5, 2)
                && s.charAt(at + 7) == '-' && digitsAt(s, at + 8, 2);
    }

    private static boolean digitsAt(String s, int at, int n) {
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
