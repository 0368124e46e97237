package pm.lint.rules;

import java.util.List;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.Postmortem;
import pm.model.TimelineRow;

/**
 * A timeline read out of order tells the wrong story. Only rows whose time can be read for certain
 * are compared: {@code HH:MM} (24-hour or with am/pm), {@code YYYY-MM-DD HH:MM}, ISO-8601 timestamps
 * and bare dates. A time without a date continues the date of the row above; a jump back of more than
 * twelve hours is read as passing midnight; a time that cannot be read ("Day 2", "~13:30-13:45",
 * "09:12 PST") breaks the chain, so nothing across it is compared.
 */
public final class TimelineOrder implements Rule {
    public static final RuleMeta META = new RuleMeta("timeline-order",
            "Timeline rows are in chronological order.",
            Severity.WARNING, List.of("timeline"),
            "| 14:25 | Latency alert fires |  followed by  | 14:00 | Cache cluster restarts |",
            "| 14:00 | Cache cluster restarts |  followed by  | 14:25 | Latency alert fires |");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "~?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:Z|UTC|GMT)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Duration MIDNIGHT_JUMP = Duration.ofHours(12);

    /** A time as read: with its date, or only the time of day; {@code null} when it cannot be read. */
    record When(LocalDate date, LocalTime time) {
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        LocalDateTime prev = null;
        String prevText = null;
        boolean dated = false;
        for (TimelineRow row : pm.timeline()) {
            String text = row.time() == null ? "" : row.time().strip();
            if (text.isEmpty()) {
                continue; // a continuation row
            }
            When w = read(text);
            if (w == null) {
                prev = null;
                dated = false;
                continue;
            }
            LocalDateTime cur;
            if (w.date() != null) {
                cur = w.date().atTime(w.time() == null ? LocalTime.MIDNIGHT : w.time());
                if (!dated) {
                    prev = null; // undated rows before it cannot be placed against it
                }
                dated = true;
            } else {
                LocalDate day = prev != null ? prev.toLocalDate() : LocalDate.EPOCH;
                cur = day.atTime(w.time());
                if (prev != null && cur.isBefore(prev) && Duration.between(cur, prev).compareTo(MIDNIGHT_JUMP) > 0) {
                    cur = cur.plusDays(1);
                }
            }
            if (prev != null && (w.date() != null && w.time() == null
                    ? w.date().isBefore(prev.toLocalDate()) : cur.isBefore(prev))) {
                ctx.report(row.span(), "timeline row '" + text + "' is earlier than the row above it ('" + prevText
                        + "'): put the rows in chronological order");
            }
            prev = cur;
            prevText = text;
        }
    }

    static When read(String text) {
        if (text.length() == 16 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7)
                && text.charAt(7) == '-' && digits(text, 8, 10) && " Tt".indexOf(text.charAt(10)) >= 0
                && digits(text, 11, 13) && text.charAt(13) == ':' && digits(text, 14, 16)) {
            // "2025-03-14 09:12", as most timelines write it: what DATE_TIME reads, without it
            try {
                return new When(LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)),
                        LocalTime.of(number(text, 11, 13), number(text, 14, 16), 0));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return readByPattern(text);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + s.charAt(i) - '0';
        }
        return n;
    }

    static When readByPattern(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.parse(m.group(1));
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
                String zone = m.group(5);
                if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                    OffsetDateTime odt = OffsetDateTime.of(date, time, ZoneOffset.of(zone.length() == 5
                            ? zone.substring(0, 3) + ":" + zone.substring(3) : zone));
                    LocalDateTime utc = odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    return new When(utc.toLocalDate(), utc.toLocalTime());
                }
                return new When(date, time);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return null;
            }
        }
        m = TIME.matcher(text);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String ampm = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT).replace(".", "");
            if (ampm != null) {
                if (h < 1 || h > 12) {
                    return null;
                }
                h = h % 12 + (ampm.equals("pm") ? 12 : 0);
            }
            if (h > 23 || min > 59 || s > 59) {
                return null;
            }
            return new When(null, LocalTime.of(h, min, s));
        }
        if (DATE.matcher(text).matches()) {
            try {
                return new When(LocalDate.parse(text), null);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
