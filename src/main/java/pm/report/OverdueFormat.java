package pm.report;

import java.io.PrintWriter;
import pm.overdue.OverdueReport;

/** The output formats of {@code pm overdue}. */
public enum OverdueFormat {
    /** For a terminal: grouped by owner, most overdue first, with aging buckets and totals. */
    TABLE,
    /** A table to paste into the sprint review notes. */
    MARKDOWN,
    /** An array of objects, one per row. */
    JSON,
    /** A header row and one row per item (RFC 4180). */
    CSV;

    public void write(OverdueReport report, PrintWriter out) {
        switch (this) {
            case TABLE -> new OverdueTable(report).write(out);
            case MARKDOWN -> new OverdueMarkdown(report).write(out);
            case JSON -> OverdueJson.write(report, out);
            case CSV -> OverdueCsv.write(report, out);
            default -> throw new IllegalStateException(name());
        }
        out.flush();
    }
}
