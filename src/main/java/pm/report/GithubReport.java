package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.lint.Finding;

/**
 * GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message},
 * which show up as annotations on the pull request's diff; then the summary as a plain log line. The file name,
 * message and suggestion are shown {@link Visible} (the log is read on a terminal too, and a line break of theirs
 * is not pm's), then escaped as the runner reads commands.
 */
final class GithubReport implements Report {
    private final PrintWriter out;
    private final Tally tally = new Tally();

    GithubReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void file(String file, List<Finding> findings) {
        tally.add(findings);
        String name = property(Visible.of(file));
        for (Finding f : findings) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String text = f.note() == null ? Visible.of(f.message()) : Visible.of(f.message()) + " (" + f.note() + ")";
            String message = f.suggestion() == null ? text : text + "\nSuggestion: " + Visible.of(f.suggestion());
            out.println("::" + command + " file=" + name + ",line=" + f.span().line() + ",col="
                    + f.span().column() + ",endLine=" + f.span().endLine() + ",endColumn=" + f.span().endColumn()
                    + ",title=" + property("pm lint: " + f.rule()) + "::" + data(message));
        }
        if (!findings.isEmpty()) {
            out.flush();
        }
    }

    /** Escapes a command's message, as the Actions runner expects: '%', CR and LF. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value: also ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        out.println("pm lint: " + tally.summary(unreadable, unwritten));
        out.flush();
    }
}
