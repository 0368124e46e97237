package pm.stats;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The arithmetic of the metrics, each a small function of plain values. */
public final class Metrics {
    private Metrics() {
    }

    /** How incidents are grouped in time. */
    public enum By {
        MONTH, QUARTER, YEAR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "2025-03", "2025-Q1" or "2025". */
        public String period(LocalDate day) {
            return switch (this) {
                case MONTH -> String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
                case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                case YEAR -> Integer.toString(day.getYear());
            };
        }

        /** The first day of the period after the one {@code day} is in. */
        public LocalDate next(LocalDate day) {
            return switch (this) {
                case MONTH -> day.withDayOfMonth(1).plusMonths(1);
                case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
                case YEAR -> day.withDayOfYear(1).plusYears(1);
            };
        }

        /** Every period from {@code first}'s to {@code last}'s, empty ones included, in order. */
        public List<String> periods(LocalDate first, LocalDate last) {
            List<String> out = new java.util.ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = next(d)) {
                out.add(period(d));
            }
            if (out.isEmpty() || !out.get(out.size() - 1).equals(period(last))) {
                out.add(period(last));
            }
            return out;
        }

        public static By parse(String text) {
            for (By b : values()) {
                if (b.id().equalsIgnoreCase(text.strip())) {
                    return b;
                }
            }
            return null;
        }
    }

    /** The median: the middle value, or the mean of the two middle ones for an even count; {@code null} for none. */
    public static Long median(long[] values) {
        if (values.length == 0) {
            return null;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : Math.floorDiv(v[n / 2 - 1] + v[n / 2], 2);
    }

    /** The 90th percentile by nearest rank: the smallest value at least 90% of the values are at or below. */
    public static Long p90(long[] values) {
        if (values.length == 0) {
            return null;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(0.9 * v.length);
        return v[Math.max(rank, 1) - 1];
    }

    /** A share as a whole percentage, or {@code null} when the denominator is 0. */
    public static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** A duration in seconds, short: "45s", "12m", "3h 05m", "2d 4h". */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = seconds;
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        if (s < 60) {
            return sign + s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return sign + m + "m";
        }
        long h = m / 60;
        if (h < 48) {
            return sign + h + "h " + String.format(Locale.ROOT, "%02dm", m % 60);
        }
        return sign + h / 24 + "d " + h % 24 + "h";
    }

    /** A bar of up to {@code width} cells for {@code value} out of {@code max}; at least one cell for a value above 0. */
    public static String bar(int value, int max, int width) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        int n = Math.max(1, (int) Math.round((double) value * width / max));
        return "\u2588".repeat(Math.min(n, width));
    }
}
