package pm.report;

import static pm.report.OverdueText.late;
import static pm.report.OverdueText.oneLine;
import static pm.report.OverdueText.orDash;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/** A Markdown table of the report, to paste into the sprint review notes. */
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
            for (OverdueItem i : g.getValue()) {
                row(out, g.getKey(), late(i), i, cell(i.title()));
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
        out.println("| " + String.join(" | ", owner, late, orDash(i.due()), orDash(i.priority()),
                orDash(i.status()), what, "[" + cell(i.postmortem()).replace("]", "\\]") + "]("
                        + link(i.file()) + ")") + " |");
    }

    /** Text safe inside a table cell: one line, pipes escaped, no raw HTML. */
    static String cell(String s) {
        if (s == null) {
            return "-";
        }
        return oneLine(s).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String link(String file) {
        return oneLine(file).replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("|", "%7C");
    }
}
