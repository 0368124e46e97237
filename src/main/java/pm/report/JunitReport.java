package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.lint.Finding;
import pm.lint.Severity;

/**
 * JUnit XML, as Jenkins' JUnit plugin, GitLab's {@code artifacts:reports:junit} and most CI test views read it:
 * one {@code <testsuite name="pm lint">} with a {@code <testcase>} per file checked, named by the file, that fails
 * with a {@code <failure>} for each error (type: the rule id; message: {@code line:col message}; body: the finding
 * as the text format prints it). Warnings and notes do not fail a file: they are its {@code <system-out>}, as they
 * do not fail {@code pm lint}. The suite's {@code <system-out>} is the summary line. The counts come first in
 * the XML, so the test cases are held until {@link #finish}: a few lines a file.
 */
final class JunitReport implements Report {
    static final String SUITE = "pm lint";

    private final PrintWriter out;
    private final Tally tally = new Tally();
    private final StringBuilder cases = new StringBuilder();
    private int tests;
    private int failed;

    JunitReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void file(String file, List<Finding> findings, boolean draft) {
        tally.addDraft(draft, findings);
        file(file, findings);
    }

    @Override
    public void file(String file, List<Finding> findings) {
        tally.add(findings);
        tests++;
        String name = Xml.attribute(file);
        cases.append("    <testcase classname=\"").append(SUITE).append("\" name=\"").append(name).append('"');
        if (findings.isEmpty()) {
            cases.append("/>\n");
            return;
        }
        cases.append(">\n");
        boolean fails = false;
        StringBuilder rest = new StringBuilder();
        for (Finding f : findings) {
            String line = file + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + " " + f.rule() + " "
                    + CheckstyleReport.message(f).replace("\nsuggestion: ", "\n    suggestion: ");
            if (f.severity() == Severity.ERROR) {
                fails = true;
                String message = f.line() + ":" + f.column() + " " + f.message();
                cases.append("      <failure type=\"").append(Xml.attribute(f.rule())).append("\" message=\"")
                        .append(Xml.attribute(message)).append("\">").append(Xml.text(line)).append("</failure>\n");
            } else {
                rest.append(line).append('\n');
            }
        }
        if (fails) {
            failed++;
        }
        if (rest.length() > 0) {
            cases.append("      <system-out>").append(Xml.text(rest.toString())).append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        String counts = " tests=\"" + tests + "\" failures=\"" + failed + "\" errors=\"0\"";
        out.println(Xml.DECLARATION);
        out.println("<testsuites name=\"" + SUITE + "\"" + counts + ">");
        out.println("  <testsuite name=\"" + SUITE + "\"" + counts + " skipped=\"0\">");
        out.print(cases);
        out.println("    <system-out>" + Xml.text(tally.summary(unreadable, unwritten)) + "</system-out>");
        out.println("  </testsuite>");
        out.println("</testsuites>");
        out.flush();
    }
}
