package pm.overdue;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code pm overdue} found: the rows (most overdue first, then no-owner, then no-due-date), the files it
 * could not read, how many it read, and the postmortems it could not age because they have no incident date.
 */
public record OverdueReport(LocalDate asOf, Integer dueWithin, List<OverdueItem> items, int read,
        List<Skipped> skipped, List<Skipped> undated) {
    /** Aging buckets of days overdue: 1–7, 8–30, 31–90, more than 90. */
    public static final List<String> BUCKETS = List.of("1–7", "8–30", "31–90", "90+");

    public OverdueReport {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
        undated = List.copyOf(undated);
    }

    public List<OverdueItem> of(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Rows past their due date (action items and lifecycle). */
    public List<OverdueItem> overdue() {
        return items.stream().filter(OverdueItem::overdue).toList();
    }

    /** Rows listed because of --due-within. */
    public List<OverdueItem> upcoming() {
        return items.stream().filter(OverdueItem::upcoming).toList();
    }

    public long count(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    public long overdueCount(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind && i.overdue()).count();
    }

    /** How many overdue rows fall in each of {@link #BUCKETS}. */
    public int[] aging() {
        int[] b = new int[BUCKETS.size()];
        for (OverdueItem i : overdue()) {
            long d = i.daysOverdue();
            b[d <= 7 ? 0 : d <= 30 ? 1 : d <= 90 ? 2 : 3]++;
        }
        return b;
    }
}
