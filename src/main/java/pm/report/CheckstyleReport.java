package pm.report;

import java.io.PrintWriter;
import java.util.List;
import pm.lint.Finding;

/**
 * Checkstyle's XML report, which Jenkins Warnings NG, reviewdog ({@code -f=checkstyle}) and many CI plugins read:
 * {@code <checkstyle>} with a {@code <file name=…>} for every file checked and an
 * {@code <error line column severity message source>} for each finding. The severity is pm's (error, warning,
 * info); the source is {@code pm.lint.} and the rule id (Warnings NG takes the part after the last dot as the
 * type and the part before it as the category; a source without a dot would have no type); the message carries the draft note and the suggestion, as the text format does.
 * Written as the files come, like the text format.
 */
final class CheckstyleReport implements Report {
    static final String SOURCE_PREFIX = "pm.lint.";

    private final PrintWriter out;

    /** @param version pm's version, for the root element's {@code version} (as Checkstyle names its own) */
    CheckstyleReport(PrintWriter out, String version) {
        this.out = out;
        out.println(Xml.DECLARATION);
        out.println("<checkstyle version=\"" + Xml.attribute("pm " + version) + "\">");
    }

    @Override
    public void file(String file, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("  <file name=\"" + Xml.attribute(file) + "\"/>");
            return;
        }
        out.println("  <file name=\"" + Xml.attribute(file) + "\">");
        for (Finding f : findings) {
            out.println("    <error line=\"" + f.line() + "\" column=\"" + f.column() + "\" severity=\""
                    + f.severity().id() + "\" message=\"" + Xml.attribute(message(f)) + "\" source=\""
                    + Xml.attribute(SOURCE_PREFIX + f.rule()) + "\"/>");
        }
        out.println("  </file>");
        out.flush();
    }

    /** The message as the text format shows it: with the draft note, and the suggestion on a line below. */
    static String message(Finding f) {
        String text = f.note() == null ? f.message() : f.message() + " (" + f.note() + ")";
        return f.suggestion() == null || f.suggestion().isBlank() ? text : text + "\nsuggestion: " + f.suggestion();
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        out.println("</checkstyle>");
        out.flush();
    }
}
