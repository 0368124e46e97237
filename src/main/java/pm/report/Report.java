package pm.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import pm.lint.Finding;
import pm.lint.RuleMeta;

/**
 * Writes findings as they come, one file at a time, so no more than one file's findings is ever held.
 * Call {@link #file} for every file checked (with or without findings), then {@link #finish} once.
 */
public interface Report {
    /**
     * After the summary of a run with findings: where each rule is explained, on the command line (which prints the
     * rule's own README anchor, {@link RuleMeta#docUrl}) and in the README's Rules section. Once a run, so the
     * finding lines keep their form.
     */
    String TEXT_FOOTER = "Explain a rule: pm lint --explain RULE-ID (every rule: " + RuleMeta.README_URL
            + "#rules)";

    void file(String file, List<Finding> findings);

    /** {@link #file(String, List)} for a file linted as a draft ({@code draft}), which a summary counts apart. */
    default void file(String file, List<Finding> findings, boolean draft) {
        file(file, findings);
    }

    /** @param unreadable how many files could not be read (already reported on stderr) */
    default void finish(int unreadable) {
        finish(unreadable, 0);
    }

    /**
     * @param unreadable how many files could not be read (already reported on stderr)
     * @param unwritten  how many fixes ({@code pm lint --fix}) could not be written (already reported on stderr)
     */
    void finish(int unreadable, int unwritten);

    /** The output formats of {@code pm lint --format}. */
    enum Format {
        TEXT, JSON, SARIF, GITHUB, CHECKSTYLE, GITLAB, JUNIT;

        /**
         * @param color   ANSI colours in text output
         * @param version pm's version, named in SARIF and Checkstyle output
         * @param rules   the rules pm has, listed in SARIF output
         */
        public Report create(PrintWriter out, boolean color, String version, List<RuleMeta> rules) {
            return create(out, color, version, rules, UnaryOperator.identity());
        }

        /**
         * @param repoPath a file's path from the repository's root, from the name pm shows it under (GitLab output
         *                 names files so)
         */
        public Report create(PrintWriter out, boolean color, String version, List<RuleMeta> rules,
                UnaryOperator<String> repoPath) {
            return switch (this) {
                case TEXT -> new TextReport(out, color);
                case JSON -> new JsonReport(out);
                case SARIF -> new SarifReport(out, version, rules);
                case GITHUB -> new GithubReport(out);
                case CHECKSTYLE -> new CheckstyleReport(out, version);
                case GITLAB -> new GitlabReport(out, repoPath);
                case JUNIT -> new JunitReport(out);
            };
        }

        /** Every format's name, for a message: "text, json, … or junit". */
        public static String names() {
            StringBuilder sb = new StringBuilder();
            Format[] all = values();
            for (int i = 0; i < all.length; i++) {
                sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i]);
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
