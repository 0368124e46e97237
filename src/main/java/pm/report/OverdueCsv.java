package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/**
 * The report as CSV (RFC 4180): a header row, then one row per item, CRLF line ends, quoted when needed. A cell of
 * text from a postmortem (file, postmortem, title, owner, priority, status) that starts with {@code = + - @}, a tab
 * or a CR is prefixed with {@code '}, so a spreadsheet shows it rather than running it as a formula (OWASP's advice
 * against CSV injection), unless the caller asks for the text as written. The cells pm writes itself, the due date
 * (YYYY-MM-DD), the day count (a negative one is a number: due in that many days) and the kind, are never prefixed.
 */
final class OverdueCsv {
    static final List<String> HEADER = List.of("file", "postmortem", "title", "owner", "due", "priority", "status",
            "daysOverdue", "kind");

    private OverdueCsv() {
    }

    /**
     * @param raw text cells as written, without the {@code '} before a formula. A report with a row a follow-up
     *            policy made late has a tenth column, {@code policy}, naming the policy on those rows.
     */
    static void write(OverdueReport report, PrintWriter out, boolean raw) {
        boolean policies = false;
        for (OverdueItem i : report.items()) {
            if (i.policy() != null) {
                policies = true;
                break;
            }
        }
        List<String> header = HEADER;
        if (policies) {
            header = new java.util.ArrayList<>(HEADER);
            header.add("policy");
        }
        line(out, header);
        for (OverdueItem i : report.items()) {
            List<String> cells = List.of(text(i.file(), raw), text(i.postmortem(), raw), text(i.title(), raw),
                    text(i.owner(), raw), i.due() == null ? "" : i.due().toString(), text(i.priority(), raw),
                    text(i.status(), raw), i.daysOverdue() == null ? "" : i.daysOverdue().toString(), i.kind().id());
            if (policies) {
                cells = new java.util.ArrayList<>(cells);
                cells.add(text(i.policy(), raw));
            }
            line(out, cells);
        }
    }

    /** A text cell: empty for none, and unless {@code raw}, {@code '} before a first character that starts a formula. */
    static String text(String s, boolean raw) {
        if (s == null) {
            return "";
        }
        return raw || s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0 ? s : "'" + s;
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
