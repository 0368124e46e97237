package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.lint.Finding;
import pm.lint.RuleMeta;

/**
 * {@code file:line:col: severity rule-id message}, one finding per line (the form editors and CI logs
 * link), a suggested rewrite indented below it, a summary line at the end, and when there were findings a line
 * saying where a rule is explained ({@link Report#TEXT_FOOTER}). The file name, message and
 * suggestion are shown {@link Visible}: a control character in them cannot drive the terminal or start a line.
 */
final class TextReport implements Report {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";


    private final PrintWriter out;
    private final boolean color;
    private final Tally tally = new Tally();

    TextReport(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public void file(String file, List<Finding> findings, boolean draft) {
        tally.addDraft(draft, findings);
        file(file, findings);
    }

    @Override
    public void file(String file, List<Finding> findings) {
        tally.add(findings);
        String name = Visible.of(file);
        for (Finding f : findings) {
            String where = name + ":" + f.line() + ":" + f.column() + ":";
            String message = f.note() == null ? Visible.of(f.message()) : Visible.of(f.message()) + " (" + f.note() + ")";
            String sev = f.severity().id();
            if (color) {
                String c = switch (f.severity()) {
                    case ERROR -> RED;
                    case WARNING -> YELLOW;
                    case INFO -> CYAN;
                };
                out.println(BOLD + where + RESET + " " + c + sev + RESET + " " + DIM + f.rule() + RESET + " "
                        + message);
            } else {
                out.println(where + " " + sev + " " + f.rule() + " " + message);
            }
            if (f.suggestion() != null && !f.suggestion().isBlank()) {
                String suggestion = Visible.of(f.suggestion());
                out.println(color ? "    " + DIM + "suggestion: " + RESET + suggestion
                        : "    suggestion: " + suggestion);
            }
        }
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        String line = tally.summary(unreadable, unwritten);
        out.println(color ? BOLD + line + RESET : line);
        if (tally.errors + tally.warnings + tally.infos > 0) {
            out.println(color ? DIM + Report.TEXT_FOOTER + RESET : Report.TEXT_FOOTER);
        }
        out.flush();
    }
}
