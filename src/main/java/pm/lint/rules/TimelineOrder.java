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
import pm.model.When;

/**
 * A timeline read out of order tells the wrong story. Table rows and the lines and list items that start with a
 * time are compared where their time can be read for certain ({@link pm.parse.Times}: clock times, dates and
 * timestamps, zones); a day given by a heading or a line of its own dates the entries below it. A time without a
 * date continues the date of the entry above; a jump back of more than twelve hours is read as passing midnight
 * (and a jump from 12:xx to 1:xx, in a timeline that never passes 12:59, as an afternoon); a zone written with a
 * time holds until another is written, and times are compared in UTC. A time that cannot be read ("Day 2") or a
 * sub-heading that is no day breaks the chain, so nothing across it is compared.
 */
public final class TimelineOrder implements Rule {
    public static final RuleMeta META = new RuleMeta("timeline-order",
            "Timeline rows are in chronological order.",
            Severity.WARNING, List.of("timeline"),
            "| 14:25 | Latency alert fires |  followed by  | 14:00 | Cache cluster restarts |",
            "| 14:00 | Cache cluster restarts |  followed by  | 14:25 | Latency alert fires |",
            "Readers reason about cause and effect from the order of events; a row out of order "
                    + "misleads them or hides a typo in a time.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private static final Duration MIDNIGHT_JUMP = Duration.ofHours(12);

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        boolean twelveHour = looksTwelveHour(pm);
        LocalDateTime prev = null; // the previous entry's time, as written (in its zone)
        LocalDateTime prevUtc = null;
        String prevText = null;
        boolean dated = false;
        Integer offset = null; // the zone in force: the last one written
        for (TimelineRow row : pm.timeline()) {
            if (row.kind() == TimelineRow.Kind.BREAK) {
                prev = null; // a sub-heading that is no day: another story starts
                prevUtc = null;
                dated = false;
                offset = null;
                continue;
            }
            String text = row.time() == null ? "" : row.time().strip();
            if (text.isEmpty()) {
                continue; // a continuation row
            }
            When w = row.when();
            if (w == null) {
                prev = null;
                prevUtc = null;
                dated = false;
                continue;
            }
            if (w.offset() != null) {
                offset = w.offset();
            }
            LocalDateTime cur;
            if (w.date() != null) {
                LocalDate day = w.date();
                if (w.yearless() && prev != null && dated) {
                    day = day.withYear(prev.getYear()); // "March 12 19:57" after "March 6 2017 22:59"
                    if (day.isBefore(prev.toLocalDate().minusMonths(6))) {
                        day = day.plusYears(1); // "Jan 2" after "Dec 31 2024"
                    }
                } else if (w.yearless()) {
                    dated = false; // a year-less day with no year in force: it can only be placed against what follows
                }
                cur = day.atTime(w.time() == null ? LocalTime.MIDNIGHT : w.time());
                if (!dated) {
                    prev = null; // undated entries before it cannot be placed against it
                    prevUtc = null;
                }
                dated = true;
            } else {
                LocalDate day = prev != null ? prev.toLocalDate() : LocalDate.EPOCH;
                cur = day.atTime(w.time());
                if (prev != null && cur.isBefore(prev)) {
                    if (twelveHour && w.time().getHour() < 12 && !cur.plusHours(12).isBefore(prev)) {
                        cur = cur.plusHours(12); // "12:50", then "1:03": an afternoon written without pm
                    } else if (Duration.between(cur, prev).compareTo(MIDNIGHT_JUMP) > 0) {
                        cur = cur.plusDays(1);
                    }
                }
            }
            LocalDateTime utc = offset == null ? cur : cur.minusMinutes(offset);
            boolean minutes = prevUtc != null && (utc.getSecond() == 0 || prevUtc.getSecond() == 0);
            boolean earlier = w.date() != null && w.time() == null
                    ? prev != null && cur.toLocalDate().isBefore(prev.toLocalDate())
                    : prevUtc != null && (minutes // "17:55" after "17:55:08": the same minute
                            ? utc.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                                    .isBefore(prevUtc.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                            : utc.isBefore(prevUtc));
            if (earlier) {
                String what = row.kind() == TimelineRow.Kind.ROW ? "timeline row" : "timeline entry";
                String unit = row.kind() == TimelineRow.Kind.ROW ? "row" : "entry";
                ctx.report(row.span(), what + " '" + text + "' is earlier than the " + unit + " above it ('" + prevText
                        + "'): put the " + (unit.equals("row") ? "rows" : "entries") + " in chronological order");
            }
            prev = cur;
            prevUtc = utc;
            prevText = text;
        }
    }

    /** Whether the timeline's times look like a 12-hour clock without am/pm: none is 13:00 or later, one is 12:xx. */
    private static boolean looksTwelveHour(Postmortem pm) {
        boolean noon = false;
        for (TimelineRow row : pm.timeline()) {
            if (row.when() != null && row.when().time() != null) {
                int h = row.when().time().getHour();
                String t = row.time() == null ? "" : row.time().toLowerCase(java.util.Locale.ROOT);
                if (h >= 13 || h == 0 || t.contains("am") || t.contains("pm") || t.contains("a.m") || t.contains("p.m")) {
                    return false;
                }
                noon |= h == 12;
            }
        }
        return noon;
    }
}
