package pm.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pm.model.When;

/**
 * Reads the time a timeline entry starts with, as people write it: "14:02", "14:02 UTC", "9:05 pm", "**14:02**",
 * "`03:58:47 UTC`", "2016-11-18 1505", "2025-03-14T09:12:00Z", "07-27-2023 2:14 pm", "Mon, 24 Nov 2025",
 * "November 26, 2025 (07:46 UTC)", "May 9 ~10:46", "23:15 UTC / 16:15 PDT" (the first), "13:30-13:45" (its
 * start). A zone is kept as an offset: Z, UTC, GMT, ±hh:mm, ±hhmm and the usual abbreviations (PST, CEST, IST, …).
 * A day written with slashes or dashes and a two-digit year-less start ("07/05/2023") is month first unless the
 * file shows otherwise ({@link DayOrder}).
 */
public final class Times {
    private Times() {
    }

    /** How a file writes numeric days: 7/5/2023 is July 5 (month first), 5 July (day first), or unknown. */
    public enum DayOrder { MONTH_FIRST, DAY_FIRST, UNKNOWN }

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0), Map.entry("WEST", 60),
            Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("EET", 120),
            Map.entry("EEST", 180), Map.entry("MSK", 180), Map.entry("IST", 330), Map.entry("SGT", 480),
            Map.entry("HKT", 480), Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780), Map.entry("EST", -300),
            Map.entry("EDT", -240), Map.entry("ET", -300), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("CT", -360), Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("MT", -420),
            Map.entry("PST", -480), Map.entry("PDT", -420), Map.entry("PT", -480), Map.entry("AKST", -540),
            Map.entry("AKDT", -480), Map.entry("HST", -600));

    /** A year (1970-2099) that is not a time of day with its zone ("Feb 9 1924 UTC" is 19:24). */
    private static final String YEAR = "(?:19[7-9]\\d|20\\d{2})(?!\\d)(?!\\s*(?-i:UTC|GMT|Z\\b|[A-Z]{1,4}T\\b))";
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
            + "\\.?,?\\s+)?";
    private static final String ZONE = "(?:\\s*(?<zone>(?-i:UTC[+-]\\d{1,2}(?::?\\d{2})?|Z|UTC|GMT|[A-Z]{1,4}T)"
            + "|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})\\b)?";
    private static final String CLOCK = "~?(?<h>\\d{1,2}):(?<m>\\d{2})(?::(?<s>\\d{2})(?:\\.\\d+)?)?"
            + "(?:\\s*(?<ampm>am|pm|a\\.m\\.|p\\.m\\.))?" + ZONE;
    /** A date, then perhaps a time ("2016-11-18 1505", "2025-03-14T09:12Z", "07-27-2023 2:14 pm"). */
    private static final Pattern DATED = Pattern.compile("(?i)" + WEEKDAY + "(?:(?<iso>\\d{4}-\\d{2}-\\d{2})"
            + "|(?<a>\\d{1,2})[/-](?<b>\\d{1,2})[/-](?<y>" + YEAR + ")"
            + "|(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon1>" + MONTHS + ")\\.?,?(?:\\s+(?<y1>" + YEAR + "))?"
            + "|(?<mon2>" + MONTHS + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y2>" + YEAR + "))?)"
            + "(?:(?:[T ]|,?\\s+(?:at\\s+)?\\(?)(?:" + CLOCK.replace("<h>", "<dh>").replace("<m>", "<dm>")
            .replace("<s>", "<ds>").replace("<ampm>", "<dampm>").replace("<zone>", "<dzone>")
            + "|(?<hhmm>\\d{4})(?!\\d)" + ZONE.replace("<zone>", "<hzone>") + "))?");
    private static final Pattern TIMED = Pattern.compile("(?i)" + CLOCK);
    /** A date right after a time: "11:10 6th Nov 2023", "09:12 on 2025-03-14". */
    private static final Pattern DATE_AFTER = Pattern.compile("(?i),?\\s+(?:on\\s+)?(?:(?<iso>\\d{4}-\\d{2}-\\d{2})"
            + "|(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon1>" + MONTHS + ")\\.?,?(?:\\s+(?<y1>" + YEAR + "))?"
            + "|(?<mon2>" + MONTHS + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y2>" + YEAR + "))?)");

    /** The time a text starts with, and how much of the text it takes; {@code null} when it starts with none. */
    public record Leading(When when, int length) {
    }

    /** Reads the time or date at the start of {@code text} (past markup such as "**" and "`"), or null. */
    public static Leading leading(String text, DayOrder order) {
        return leading(text, () -> order);
    }

    /**
     * {@link #leading(String, DayOrder)}, asking for the day order only when a numeric day can be read both ways:
     * working it out reads the whole file.
     */
    public static Leading leading(String text, java.util.function.Supplier<DayOrder> order) {
        int at = 0;
        while (at < text.length() && "*_`~[( \t".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (at >= text.length() || !mayStartTime(text, at)) {
            return null; // most lines of a timeline section start with a word that starts no day or time
        }
        // "9:05", "14:02": a clock time, which no day starts like (the commonest entry: no need to try a day first)
        boolean clock = at + 2 < text.length() && Character.isDigit(text.charAt(at))
                && (text.charAt(at + 1) == ':' || Character.isDigit(text.charAt(at + 1)) && text.charAt(at + 2) == ':');
        Matcher d = clock ? null : DATED.matcher(text).region(at, text.length());
        if (d != null && d.lookingAt() && (d.group("iso") != null || d.group("a") != null || d.group("mon1") != null
                || d.group("mon2") != null)) {
            LocalDate date = date(d, order);
            if (date == null) {
                return d.group("a") != null ? new Leading(null, d.end()) : null; // "7/5/2023": written, unknown order
            }
            LocalTime time = null;
            Integer offset = null;
            if (d.group("dh") != null) {
                time = clock(d.group("dh"), d.group("dm"), d.group("ds"), d.group("dampm"));
                offset = zone(d.group("dzone"));
            } else if (d.group("hhmm") != null) {
                String hhmm = d.group("hhmm");
                time = clock(hhmm.substring(0, 2), hhmm.substring(2), null, null);
                offset = zone(d.group("hzone"));
            }
            if (time == null && (d.group("dh") != null || d.group("hhmm") != null)) {
                return new Leading(null, d.end());
            }
            boolean yearless = d.group("mon1") != null && d.group("y1") == null
                    || d.group("mon2") != null && d.group("y2") == null;
            return new Leading(new When(date, time, offset, yearless), d.end());
        }
        if (clock) {
            Leading plain = plainClock(text, at);
            if (plain != null) {
                return plain;
            }
        }
        Matcher t = TIMED.matcher(text).region(at, text.length());
        if (t.lookingAt()) {
            LocalTime time = clock(t.group("h"), t.group("m"), t.group("s"), t.group("ampm"));
            int end = t.end();
            String zone = t.group("zone");
            if (zone != null && (zone.startsWith("-") || zone.startsWith("+")) && t.group("s") == null
                    && t.start("zone") == t.end("m")) {
                zone = null; // "13:30-13:45" is a range; an offset right after the minutes needs seconds before it
                end = t.end("m");
            }
            if (end < text.length() && Character.isDigit(text.charAt(end))) {
                return null; // "10:30123": not a time
            }
            LocalDate date = null;
            boolean yearless = false;
            Matcher after = DATE_AFTER.matcher(text).region(end, text.length());
            if (time != null && after.lookingAt()) {
                date = dateAfter(after);
                yearless = date != null && after.group("iso") == null && after.group("y1") == null
                        && after.group("y2") == null;
                if (date != null) {
                    end = after.end();
                }
            }
            return new Leading(time == null ? null : new When(date, time, zone(zone), yearless), end);
        }
        return null;
    }

    /**
     * "14:02" or "9:05:30", perhaps with " UTC" or " GMT", followed by nothing a zone, am/pm or a date could be
     * ("**14:02** — …", "14:02 - …", "11:09 UTC - …"), read
     * without the expression, as most bullet timelines write it; null to let {@link #TIMED} decide.
     */
    private static Leading plainClock(String text, int at) {
        int n = text.length();
        int i = at;
        int h = 0;
        while (i < n && i - at < 2 && Character.isDigit(text.charAt(i))) {
            h = h * 10 + text.charAt(i++) - '0';
        }
        if (i + 2 >= n || text.charAt(i) != ':' || !Character.isDigit(text.charAt(i + 1))
                || !Character.isDigit(text.charAt(i + 2))) {
            return null;
        }
        int m = (text.charAt(i + 1) - '0') * 10 + text.charAt(i + 2) - '0';
        i += 3;
        int sec = 0;
        if (i + 2 < n && text.charAt(i) == ':' && Character.isDigit(text.charAt(i + 1))
                && Character.isDigit(text.charAt(i + 2))) {
            sec = (text.charAt(i + 1) - '0') * 10 + text.charAt(i + 2) - '0';
            i += 3;
        }
        // " UTC" or " GMT" (upper case, as the expression's zone is), alone: the zone most timelines write
        Integer offset = null;
        int z = i;
        while (z < n && text.charAt(z) == ' ') {
            z++;
        }
        if (z + 3 <= n && (text.startsWith("UTC", z) || text.startsWith("GMT", z))) {
            if (z + 3 < n && (Character.isLetterOrDigit(text.charAt(z + 3)) || text.charAt(z + 3) == '_'
                    || text.charAt(z + 3) == '+' || text.charAt(z + 3) == '-')) {
                return null; // "UTC+2", "UTC-5", "GMTx": for the expression
            }
            offset = 0;
            i = z + 3;
        }
        // what follows must be no digit, letter, '.', '+', '-', ':' or ',' (a zone, am/pm, a date, a range, seconds)
        int j = i;
        while (j < n && text.charAt(j) == ' ') {
            j++;
        }
        if (i < n && (Character.isLetterOrDigit(text.charAt(i)) || ".:+-~,".indexOf(text.charAt(i)) >= 0)
                || j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '+'
                || text.charAt(j) == '(' || text.charAt(j) == ',' || j > i && text.charAt(j) == '-' && j + 1 < n
                && Character.isDigit(text.charAt(j + 1)))) {
            return null;
        }
        if (h > 23 || m > 59 || sec > 59) {
            return new Leading(null, i);
        }
        return new Leading(new When(null, LocalTime.of(h, m, sec), offset), i);
    }

    /** The first three letters of the months and weekdays, lower case. */
    private static final java.util.Set<String> DAY_WORDS = java.util.Set.of("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Whether a day or time can start at {@code at}: a digit, '~', or a month's or weekday's name. */
    private static boolean mayStartTime(String text, int at) {
        char c = text.charAt(at);
        if (c >= '0' && c <= '9' || c == '~') {
            return true;
        }
        return at + 3 <= text.length() && Character.isLetter(c)
                && DAY_WORDS.contains(text.substring(at, at + 3).toLowerCase(Locale.ROOT));
    }

    /** Reads a whole cell or heading as a time ("14:02", "2025-03-14 09:12", "Day 2" is none); null if unreadable. */
    public static When read(String text, DayOrder order) {
        return read(text, () -> order);
    }

    /** {@link #read(String, DayOrder)}, asking for the day order only when it is needed. */
    public static When read(String text, java.util.function.Supplier<DayOrder> order) {
        String s = text.strip();
        Leading l = leading(s, order);
        if (l == null || l.when() == null) {
            return null;
        }
        String rest = s.substring(l.length()).strip();
        while (rest.startsWith("*") || rest.startsWith("`") || rest.startsWith("_") || rest.startsWith(")")) {
            rest = rest.substring(1).strip();
        }
        // a cell is the time alone, or a range or a second zone's time after it ("13:30-13:45", "16:15 / 09:15 PDT")
        return rest.isEmpty() || rest.matches("(?i)(?:[-–—/]|to|until)\\s*~?\\d{1,2}:\\d{2}.*") ? l.when() : null;
    }

    /** Which order a file's numeric days take, from any of them that can only be read one way ("13/05/2024"). */
    public static DayOrder dayOrder(CharSequence text) {
        Matcher m = NUMERIC_DAY.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a > 12 && b <= 12) {
                return DayOrder.DAY_FIRST;
            }
            if (b > 12 && a <= 12) {
                return DayOrder.MONTH_FIRST;
            }
        }
        return DayOrder.UNKNOWN;
    }

    private static final Pattern NUMERIC_DAY = Pattern.compile("(?<![\\d./-])(\\d{1,2})[/-](\\d{1,2})[/-]\\d{4}(?!\\d)");

    private static LocalDate dateAfter(Matcher d) {
        try {
            if (d.group("iso") != null) {
                return LocalDate.parse(d.group("iso"));
            }
            boolean first = d.group("mon1") != null;
            String year = first ? d.group("y1") : d.group("y2");
            return LocalDate.of(year == null ? YEARLESS : Integer.parseInt(year), month(first ? d.group("mon1")
                    : d.group("mon2")), Integer.parseInt(first ? d.group("d1") : d.group("d2")));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The year a day written without one is read in (a leap year, so "Feb 29" reads); {@link When#yearless} says so. */
    private static final int YEARLESS = 2000;

    private static LocalDate date(Matcher d, java.util.function.Supplier<DayOrder> order) {
        try {
            if (d.group("iso") != null) {
                return LocalDate.parse(d.group("iso"));
            }
            if (d.group("a") != null) {
                int a = Integer.parseInt(d.group("a"));
                int b = Integer.parseInt(d.group("b"));
                int y = Integer.parseInt(d.group("y"));
                if (a == b || a > 12 || b > 12) { // only one reading
                    return a > 12 ? LocalDate.of(y, b, a) : LocalDate.of(y, a, b);
                }
                return switch (order.get()) {
                    case MONTH_FIRST -> LocalDate.of(y, a, b);
                    case DAY_FIRST -> LocalDate.of(y, b, a);
                    case UNKNOWN -> null;
                };
            }
            boolean first = d.group("mon1") != null;
            Month month = month(first ? d.group("mon1") : d.group("mon2"));
            int day = Integer.parseInt(first ? d.group("d1") : d.group("d2"));
            String year = first ? d.group("y1") : d.group("y2");
            return LocalDate.of(year == null ? YEARLESS : Integer.parseInt(year), month, day);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Month month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(n)) {
                return m;
            }
        }
        throw new DateTimeException("no month " + name);
    }

    private static LocalTime clock(String hours, String minutes, String seconds, String ampm) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        int s = seconds == null ? 0 : Integer.parseInt(seconds);
        if (ampm != null) {
            String a = ampm.toLowerCase(Locale.ROOT).replace(".", "");
            if (h < 1 || h > 12) {
                return null;
            }
            h = h % 12 + (a.equals("pm") ? 12 : 0);
        }
        if (h > 23 || min > 59 || s > 59) {
            return null;
        }
        return LocalTime.of(h, min, s);
    }

    /** Minutes east of UTC for a zone as written, or null when none is written or it is not one pm knows. */
    private static Integer zone(String zone) {
        if (zone == null) {
            return null;
        }
        String z = zone.toUpperCase(Locale.ROOT);
        Integer known = ZONES.get(z);
        if (known != null) {
            return known;
        }
        String offset = z.startsWith("UTC") ? z.substring(3) : z;
        if (offset.matches("[+-]\\d{1,2}(?::?\\d{2})?")) {
            int sign = offset.charAt(0) == '-' ? -1 : 1;
            String digits = offset.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
            int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes).getTotalSeconds() / 60;
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
