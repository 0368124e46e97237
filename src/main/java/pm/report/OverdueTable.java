package pm.report;

import static pm.report.OverdueText.clip;
import static pm.report.OverdueText.late;
import static pm.report.OverdueText.oneLine;
import static pm.report.OverdueText.orDash;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/** The terminal report: one block per owner (most overdue first), the at-risk groups, aging and totals. */
final class OverdueTable {
    private static final int ITEM_WIDTH = 72;
    private static final int TITLE_WIDTH = 40;

    private final OverdueReport report;

    OverdueTable(OverdueReport report) {
        this.report = report;
    }

    void write(PrintWriter out) {
        out.println("Follow-ups as of " + report.asOf() + " (UTC)");
        Map<String, List<OverdueItem>> groups = OverdueText.byOwner(report);
        if (groups.isEmpty() && report.items().isEmpty()) {
            out.println();
            out.println("Nothing is late.");
        }
        String[] header = {"LATE", "DUE", "PRI", "STATUS", "ITEM", "POSTMORTEM"};
        List<String[]> all = new ArrayList<>();
        for (List<OverdueItem> items : groups.values()) {
            for (OverdueItem i : items) {
                all.add(new String[] {late(i), orDash(i.due()), orDash(i.priority()), orDash(i.status()), item(i),
                        where(i)});
            }
        }
        int[] width = widths(header, all);
        int next = 0;
        for (Map.Entry<String, List<OverdueItem>> g : groups.entrySet()) {
            long overdue = g.getValue().stream().filter(OverdueItem::overdue).count();
            long soon = g.getValue().size() - overdue;
            out.println();
            out.println(oneLine(g.getKey()) + " — " + overdue + " overdue" + (soon > 0 ? ", " + soon + " due soon"
                    : ""));
            row(out, header, width, true);
            for (int k = 0; k < g.getValue().size(); k++) {
                row(out, all.get(next++), width, true);
            }
        }
        List<OverdueItem> noOwner = report.of(Kind.NO_OWNER);
        if (!noOwner.isEmpty()) {
            out.println();
            out.println("No owner — nobody will do these (" + noOwner.size() + ")");
            List<String[]> rows = new ArrayList<>();
            for (OverdueItem i : noOwner) {
                rows.add(new String[] {orDash(i.due()), orDash(i.priority()), item(i), oneLine(i.note()), where(i)});
            }
            grid(out, new String[] {"DUE", "PRI", "ITEM", "WHY", "POSTMORTEM"}, rows);
        }
        List<OverdueItem> noDue = report.of(Kind.NO_DUE_DATE);
        if (!noDue.isEmpty()) {
            out.println();
            out.println("No due date — these can never be late (" + noDue.size() + ")");
            List<String[]> rows = new ArrayList<>();
            for (OverdueItem i : noDue) {
                rows.add(new String[] {oneLine(i.owner()), orDash(i.priority()), item(i), oneLine(i.note()),
                        where(i)});
            }
            grid(out, new String[] {"OWNER", "PRI", "ITEM", "WHY", "POSTMORTEM"}, rows);
        }
        out.println();
        out.println("Aging (days late): " + OverdueText.aging(report));
        out.println("Total: " + OverdueText.totals(report));
        out.println(OverdueText.files(report));
    }

    private static String item(OverdueItem i) {
        return clip(oneLine(i.title()), ITEM_WIDTH);
    }

    private static String where(OverdueItem i) {
        return clip(oneLine(i.postmortem()), TITLE_WIDTH) + "  " + oneLine(i.file()) + ":" + i.line();
    }

    /** Columns padded to their widest cell. */
    private static void grid(PrintWriter out, String[] header, List<String[]> rows) {
        int[] width = widths(header, rows);
        row(out, header, width, false);
        for (String[] r : rows) {
            row(out, r, width, false);
        }
    }

    private static int[] widths(String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = len(header[c]);
            for (String[] r : rows) {
                width[c] = Math.max(width[c], len(r[c]));
            }
        }
        return width;
    }

    /** One line of a grid; the last column is not padded, the first right-aligned when it holds day counts. */
    private static void row(PrintWriter out, String[] cells, int[] width, boolean rightFirst) {
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
        out.append(sb);
        out.println();
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
