package pm.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code pm overdue} found: the rows (most overdue first, then no-owner, then no-due-date), the files it
 * could not read, how many it read, the postmortems it could not age because they have no incident date, and notes
 * for the footer (how --owner matched).
 */
public record OverdueReport(LocalDate asOf, Integer dueWithin, List<OverdueItem> items, int read,
        List<Skipped> skipped, List<Skipped> undated, List<String> notes) {
    /** Aging buckets of days overdue: 1–7, 8–30, 31–90, more than 90. */
    public static final List<String> BUCKETS = List.of("1–7", "8–30", "31–90", "90+");

    public OverdueReport {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
        undated = List.copyOf(undated);
        notes = List.copyOf(notes);
    }

    /** A report without footer notes. */
    public OverdueReport(LocalDate asOf, Integer dueWithin, List<OverdueItem> items, int read, List<Skipped> skipped,
            List<Skipped> undated) {
        this(asOf, dueWithin, items, read, skipped, undated, List.of());
    }

    public List<OverdueItem> of(Kind kind) {
        return where(i -> i.kind() == kind);
    }

    /** Rows past their due date (action items, lifecycle, policy and not-started rows). */
    public List<OverdueItem> overdue() {
        return where(OverdueItem::overdue);
    }

    /** Rows listed because of --due-within. */
    public List<OverdueItem> upcoming() {
        return where(OverdueItem::upcoming);
    }

    /** The rows that pass: a plain loop, as it runs once over every row, mostly before the JIT gets to it. */
    private List<OverdueItem> where(Predicate<OverdueItem> test) {
        List<OverdueItem> out = new ArrayList<>();
        for (OverdueItem i : items) {
            if (test.test(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The counts the reports' summary lines show, taken in one pass over the rows. */
    public Tally tally() {
        long[] count = new long[Kind.values().length];
        long[] overdue = new long[count.length];
        int[] aging = new int[BUCKETS.size()];
        long upcoming = 0;
        for (OverdueItem i : items) {
            upcoming += count(i, count, overdue, aging);
        }
        return new Tally(count, overdue, upcoming, aging);
    }

    /**
     * Counts one row; 1 when it is upcoming. A method of its own so that the JIT compiler takes it after a few
     * hundred rows: it does not compile a loop run once, even over 40,000 rows, and interpreting it is slow.
     */
    private static int count(OverdueItem i, long[] count, long[] overdue, int[] aging) {
        int k = i.kind().ordinal();
        count[k]++;
        if (i.overdue()) {
            overdue[k]++;
            long d = i.daysOverdue();
            aging[d <= 7 ? 0 : d <= 30 ? 1 : d <= 90 ? 2 : 3]++;
        }
        return i.upcoming() ? 1 : 0;
    }

    /** Counts of the rows: of each kind, overdue of each kind, listed because of --due-within, and aging. */
    public record Tally(long[] counts, long[] overdueCounts, long upcoming, int[] aging) {
        public long count(Kind kind) {
            return counts[kind.ordinal()];
        }

        public long overdueCount(Kind kind) {
            return overdueCounts[kind.ordinal()];
        }

        public long overdue() {
            long n = 0;
            for (long c : overdueCounts) {
                n += c;
            }
            return n;
        }

        @Override
        public int[] aging() {
            return aging.clone();
        }
    }
}
