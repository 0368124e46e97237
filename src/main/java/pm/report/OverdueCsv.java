package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/** The report as CSV (RFC 4180): a header row, then one row per item, CRLF line ends, quoted when needed. */
final class OverdueCsv {
    static final List<String> HEADER = List.of("file", "postmortem", "title", "owner", "due", "priority", "status",
            "daysOverdue", "kind");

    private OverdueCsv() {
    }

    static void write(OverdueReport report, PrintWriter out) {
        line(out, HEADER);
        for (OverdueItem i : report.items()) {
            line(out, List.of(text(i.file()), text(i.postmortem()), text(i.title()), text(i.owner()),
                    i.due() == null ? "" : i.due().toString(), text(i.priority()), text(i.status()),
                    i.daysOverdue() == null ? "" : i.daysOverdue().toString(), i.kind().id()));
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void line(PrintWriter out, List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(f)));
        }
        out.print(sb.append("\r\n"));
    }

    /** Quotes a field holding a comma, a quote or a line break, doubling its quotes. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
