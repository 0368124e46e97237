package pm.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import pm.lint.Finding;

/**
 * GitLab Code Quality ({@code artifacts:reports:codequality}): a JSON array of Code Climate issues with the fields
 * GitLab reads, {@code description}, {@code check_name} (the rule id), {@code fingerprint}, {@code severity} and
 * {@code location.path} (relative to the repository's root) with {@code location.lines.begin}.
 *
 * <p>Severity: error is {@code major}, warning {@code minor}, info {@code info} (GitLab's {@code critical} and
 * {@code blocker} are left for tools that find defects in running code). The fingerprint is what GitLab compares
 * between the source and target branch of a merge request to tell new findings from old ones, so it does not
 * depend on where in the file a finding is: a SHA-256 of the path, the rule, the message with any line or column
 * numbers taken out (the message quotes or names what was flagged) and how many findings of the same path, rule and
 * message came before it in the file. A line inserted above a finding leaves its fingerprint as it was.
 */
final class GitlabReport implements Report {
    /** Line and column numbers a message may hold (a YAML error's), which the fingerprint leaves out. */
    private static final Pattern POSITION = Pattern.compile("(?i)\\b(line|column|col)\\b[:\\s]*\\d+");

    private final PrintWriter out;
    private final JsonGenerator gen;
    private final UnaryOperator<String> repoPath;

    /** @param repoPath the path GitLab knows a file by (relative to the repository's root), from pm's name for it */
    GitlabReport(PrintWriter out, UnaryOperator<String> repoPath) {
        this.out = out;
        this.repoPath = repoPath;
        try {
            gen = JsonReport.JSON.createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void file(String file, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        String path = repoPath.apply(file);
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (Finding f : findings) {
                String what = f.rule() + "\u0000" + POSITION.matcher(f.message()).replaceAll("$1");
                int occurrence = seen.merge(what, 1, Integer::sum) - 1;
                gen.writeStartObject();
                gen.writeStringField("description", CheckstyleReport.message(f));
                gen.writeStringField("check_name", f.rule());
                gen.writeStringField("fingerprint", fingerprint(path + "\u0000" + what + "\u0000" + occurrence));
                gen.writeStringField("severity", severity(f));
                gen.writeObjectFieldStart("location");
                gen.writeStringField("path", path);
                gen.writeObjectFieldStart("lines");
                gen.writeNumberField("begin", f.span().line());
                gen.writeNumberField("end", f.span().endLine());
                gen.writeEndObject();
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }

    static String fingerprint(String s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        try {
            gen.writeEndArray();
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
