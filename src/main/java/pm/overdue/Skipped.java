package pm.overdue;

/** A file that could not be read into the report, with the line (0 when unknown) and why. */
public record Skipped(String file, int line, String reason) {

    /** {@code file:line: reason}, the way pm names a problem in a file. */
    public String oneLine() {
        return file + ":" + (line > 0 ? line + ":" : "") + " " + reason;
    }
}
