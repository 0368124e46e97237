package pm.report;

import static pm.report.OverdueText.late;
import static pm.report.OverdueText.oneLine;
import static pm.report.OverdueText.orDash;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/**
 * A Markdown table of the report, to paste into the sprint review notes. Every cell from a postmortem is
 * {@link #cell escaped}, so one item is one row of plain text whatever its title, owner or status holds.
 */
final class OverdueMarkdown {
    private final OverdueReport report;

    OverdueMarkdown(OverdueReport report) {
        this.report = report;
    }

    void write(PrintWriter out) {
        OverdueReport.Tally tally = report.tally(); // one pass over the rows for every count shown
        out.println("### Follow-ups as of " + report.asOf());
        out.println();
        out.println(OverdueText.totals(report, tally) + ".");
        out.println();
        out.println("| Owner | Days late | Due | Priority | Status | Follow-up | Postmortem |");
        out.println("|---|--:|---|---|---|---|---|");
        for (Map.Entry<String, List<OverdueItem>> g : OverdueText.byOwner(report).entrySet()) {
            String owner = cell(g.getKey());
            for (OverdueItem i : g.getValue()) {
                row(out, owner, late(i), i, OverdueText.what(i, cell(i.title()), OverdueMarkdown::cell));
            }
        }
        for (OverdueItem i : report.of(Kind.NO_OWNER)) {
            row(out, "**no owner**", "", i, cell(i.title()) + " — " + cell(i.note()));
        }
        for (OverdueItem i : report.of(Kind.NO_DUE_DATE)) {
            row(out, cell(i.owner()), "**no due date**", i, cell(i.title()) + " — " + cell(i.note()));
        }
        out.println();
        out.println("Aging (days late): " + OverdueText.aging(tally) + ". " + OverdueText.files(report));
    }

    private static void row(PrintWriter out, String owner, String late, OverdueItem i, String what) {
        out.println("| " + String.join(" | ", owner, late, orDash(i.due()), orDash(cell(i.priority())),
                orDash(cell(i.status())), what, "[" + cell(i.postmortem()) + "](" + link(i.file()) + ")") + " |");
    }

    /**
     * Text that stays plain text inside a table cell: one line (control characters as escapes), with the characters
     * that would end the cell or start a code span, a link, an image or HTML escaped: backslash, pipe, brackets and
     * backtick with a backslash, {@code & < >} as entities.
     */
    static String cell(String s) {
        if (s == null) {
            return "-";
        }
        String line = oneLine(s);
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            switch (c) {
                case '\\', '|', '[', ']', '`' -> sb.append('\\').append(c);
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The file as a link destination: space, parentheses, pipe, angle brackets, backtick, backslash and control
     * characters percent-encoded as UTF-8, so the link cannot end early or break its row.
     */
    static String link(String file) {
        String f = file.strip();
        StringBuilder sb = new StringBuilder(f.length() + 16);
        for (int k = 0; k < f.length(); k++) {
            char c = f.charAt(k);
            if (" ()|<>`\\".indexOf(c) >= 0 || Visible.isControl(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
