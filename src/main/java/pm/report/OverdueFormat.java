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
    /** A header row and one row per item (RFC 4180), formulas defused. */
    CSV;

    /** Writes the report, CSV cells that would start a formula prefixed with {@code '}. */
    public void write(OverdueReport report, PrintWriter out) {
        write(report, out, false);
    }

    /**
     * Writes the report.
     *
     * @param csvRaw CSV cells as written, without the {@code '} that keeps a spreadsheet from running them (no
     *               effect on the other formats)
     */
    public void write(OverdueReport report, PrintWriter out, boolean csvRaw) {
        switch (this) {
            case TABLE -> new OverdueTable(report).write(out);
            case MARKDOWN -> new OverdueMarkdown(report).write(out);
            case JSON -> OverdueJson.write(report, out);
            case CSV -> OverdueCsv.write(report, out, csvRaw);
            default -> throw new IllegalStateException(name());
        }
        out.flush();
    }
}
