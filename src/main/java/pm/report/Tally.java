package pm.report;

import java.util.List;
import pm.lint.Finding;

/** Counts for the summary line. */
final class Tally {
    int files;
    int filesWithFindings;
    int errors;
    int warnings;
    int infos;
    int drafts;
    int draftErrors;
    int draftWarnings;
    int draftInfos;

    /** Counts a file linted as a draft apart too (before {@link #add} counts it with the rest). */
    void addDraft(boolean draft, List<Finding> findings) {
        if (!draft) {
            return;
        }
        drafts++;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> draftErrors++;
                case WARNING -> draftWarnings++;
                case INFO -> draftInfos++;
            }
        }
    }

    void add(List<Finding> findings) {
        files++;
        if (!findings.isEmpty()) {
            filesWithFindings++;
        }
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
    }

    /** "2 errors and 1 warning in 1 of 3 files" or "3 files checked: no problems found". */
    String summary(int unreadable, int unwritten) {
        StringBuilder sb = new StringBuilder();
        if (errors + warnings + infos == 0) {
            sb.append(plural(files, "file")).append(" checked: no problems found");
        } else {
            StringBuilder counts = new StringBuilder();
            append(counts, errors, "error");
            append(counts, warnings, "warning");
            append(counts, infos, "note");
            sb.append(counts).append(" in ").append(filesWithFindings).append(" of ").append(plural(files, "file"));
        }
        if (drafts > 0) { // "…; 3 warnings in 1 draft": what a draft still lacks, apart from the rest
            StringBuilder counts = new StringBuilder();
            append(counts, draftErrors, "error");
            append(counts, draftWarnings, "warning");
            append(counts, draftInfos, "note");
            sb.append("; ").append(counts.length() == 0 ? "no problems" : counts).append(" in ")
                    .append(plural(drafts, "draft"));
        }
        if (unreadable > 0) {
            sb.append("; ").append(plural(unreadable, "file")).append(" could not be read");
        }
        if (unwritten > 0) {
            sb.append("; ").append(unwritten).append(unwritten == 1 ? " fix" : " fixes").append(" could not be written");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, int n, String word) {
        if (n == 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(plural(n, word));
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
