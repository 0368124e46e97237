package pm.report;

import static pm.report.OverdueText.clip;
import static pm.report.OverdueText.late;
import static pm.report.OverdueText.oneLine;
import static pm.report.OverdueText.orDash;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/**
 * The terminal report: one block per owner (most overdue first), the at-risk groups, aging and totals. Every text
 * from a postmortem is shown {@link OverdueText#oneLine}: one line, its control characters as escapes.
 */
final class OverdueTable {
    private static final int ITEM_WIDTH = 72;
    private static final int TITLE_WIDTH = 40;
    /** The least of an item's title a row a policy made late shows beside why. */
    private static final int MIN_TITLE = 20;

    /** Reports this long are formatted on all cores; shorter ones are not worth the threads. */
    static final int PARALLEL_FROM = 2048;

    private final OverdueReport report;
    private final int parallelFrom;

    OverdueTable(OverdueReport report) {
        this(report, PARALLEL_FROM);
    }

    /** @param parallelFrom grids with at least this many rows are formatted in parallel (tests vary it) */
    OverdueTable(OverdueReport report, int parallelFrom) {
        this.report = report;
        this.parallelFrom = parallelFrom;
    }

    void write(PrintWriter out) {
        OverdueReport.Tally tally = report.tally(); // one pass over the rows for every count shown
        out.println("Follow-ups as of " + report.asOf() + " (UTC)");
        Map<String, List<OverdueItem>> groups = OverdueText.byOwner(report);
        if (groups.isEmpty() && report.items().isEmpty()) {
            out.println();
            out.println("Nothing is late.");
        }
        String[] header = {"LATE", "DUE", "PRI", "STATUS", "ITEM", "POSTMORTEM"};
        List<OverdueItem> grouped = new ArrayList<>();
        groups.values().forEach(grouped::addAll);
        List<String> lines = lines(header, grouped, i -> new String[] {late(i), orDash(i.due()),
            orDash(oneLine(i.priority())), orDash(oneLine(i.status())), dated(i), where(i)}, true);
        int next = 1; // lines.get(0) is the header
        for (Map.Entry<String, List<OverdueItem>> g : groups.entrySet()) {
            long overdue = 0;
            for (OverdueItem i : g.getValue()) {
                overdue += i.overdue() ? 1 : 0;
            }
            long soon = g.getValue().size() - overdue;
            out.println();
            out.println(oneLine(g.getKey()) + " — " + overdue + " overdue" + (soon > 0 ? ", " + soon + " due soon"
                    : ""));
            out.println(lines.get(0));
            for (int k = 0; k < g.getValue().size(); k++) {
                out.println(lines.get(next++));
            }
        }
        List<OverdueItem> noOwner = report.of(Kind.NO_OWNER);
        if (!noOwner.isEmpty()) {
            out.println();
            out.println("No owner — nobody will do these (" + noOwner.size() + ")");
            lines(new String[] {"DUE", "PRI", "ITEM", "WHY", "POSTMORTEM"}, noOwner, i -> new String[] {
                orDash(i.due()), orDash(oneLine(i.priority())), item(i), oneLine(i.note()), where(i)}, false)
                    .forEach(out::println);
        }
        List<OverdueItem> noDue = report.of(Kind.NO_DUE_DATE);
        if (!noDue.isEmpty()) {
            out.println();
            out.println("No due date — these can never be late (" + noDue.size() + ")");
            lines(new String[] {"OWNER", "PRI", "ITEM", "WHY", "POSTMORTEM"}, noDue, i -> new String[] {
                oneLine(i.owner()), orDash(oneLine(i.priority())), item(i), oneLine(i.note()), where(i)}, false)
                    .forEach(out::println);
        }
        out.println();
        out.println("Aging (days late): " + OverdueText.aging(tally));
        out.println("Total: " + OverdueText.totals(report, tally));
        out.println(OverdueText.files(report));
    }

    /**
     * The item's title, clipped; a lifecycle step whole: it is pm's own text, of bounded length, and ends with the line
     * to change.
     */
    private static String item(OverdueItem i) {
        return i.kind() == Kind.LIFECYCLE ? oneLine(i.title()) : clip(oneLine(i.title()), ITEM_WIDTH);
    }

    /**
     * The item of a dated row: its title, and for a row a policy made late, why, the title shortened so that both fit
     * the column's usual width.
     */
    private static String dated(OverdueItem i) {
        if (i.policy() == null || i.note() == null) {
            return item(i);
        }
        String why = oneLine(i.note());
        int room = Math.max(MIN_TITLE, ITEM_WIDTH - 3 - why.codePointCount(0, why.length()));
        return OverdueText.what(i, clip(oneLine(i.title()), room), n -> why);
    }

    private static String where(OverdueItem i) {
        return clip(oneLine(i.postmortem()), TITLE_WIDTH) + "  " + oneLine(i.file()) + ":" + i.line();
    }

    /**
     * A grid of one row per item, columns padded to their widest cell: the header line first, then the
     * rows in order. Cells and lines are made in parallel for long reports (the rows of a 10,000-postmortem
     * repository take a quarter of its run otherwise); the output is the same.
     */
    private List<String> lines(String[] header, List<OverdueItem> items,
            Function<OverdueItem, String[]> cells, boolean rightFirst) {
        List<String[]> rows = stream(items).map(cells).toList();
        int[] width = stream(rows).map(OverdueTable::lengths).reduce(lengths(header), OverdueTable::max);
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(header, width, rightFirst));
        lines.addAll(stream(rows).map(r -> line(r, width, rightFirst)).toList());
        return lines;
    }

    private <T> Stream<T> stream(List<T> list) {
        return list.size() >= parallelFrom ? list.parallelStream() : list.stream();
    }

    private static int[] lengths(String[] cells) {
        int[] n = new int[cells.length];
        for (int c = 0; c < cells.length; c++) {
            n[c] = len(cells[c]);
        }
        return n;
    }

    private static int[] max(int[] a, int[] b) {
        int[] m = new int[a.length];
        for (int c = 0; c < a.length; c++) {
            m[c] = Math.max(a[c], b[c]);
        }
        return m;
    }

    /** One line of a grid; the last column is not padded, the first right-aligned when it holds day counts. */
    private static String line(String[] cells, int[] width, boolean rightFirst) {
        StringBuilder sb = new StringBuilder(160).append("  ");
        for (int c = 0; c < cells.length; c++) {
            int pad = width[c] - len(cells[c]);
            if (c == cells.length - 1) {
                sb.append(cells[c]);
            } else if (c == 0 && rightFirst) {
                spaces(sb, pad).append(cells[c]).append("  ");
            } else {
                spaces(spaces(sb.append(cells[c]), pad), 2);
            }
        }
        int end = sb.length(); // without trailing whitespace, as String.stripTrailing leaves it
        while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }

    private static final String SPACES = " ".repeat(80);

    private static StringBuilder spaces(StringBuilder sb, int n) {
        for (int left = n; left > 0; left -= SPACES.length()) {
            sb.append(SPACES, 0, Math.min(left, SPACES.length()));
        }
        return sb;
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
