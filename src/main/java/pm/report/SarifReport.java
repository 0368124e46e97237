package pm.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pm.lint.Finding;
import pm.lint.RuleMeta;
import pm.lint.Severity;

/**
 * SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one run whose driver lists every rule
 * with its summary, default level, tags and a bad/good example; results point at file, line and column
 * (UTF-16 code units, like pm's columns; SARIF's end column is exclusive).
 *
 * <p>Valid by Microsoft's SARIF Multitool with GitHub's rules ({@code validate --rule-kind "Sarif;Gh"}): 0 errors,
 * 0 warnings (src/scripts/consumers checks it). So every rule has a {@code fullDescription} (GitHub's ingestion
 * requires one, GH2012), the driver an {@code informationUri} (SARIF2005), and a file below the working
 * directory is a relative URI under {@value #SRCROOT} (the folder pm ran in, which GitHub takes as the checkout)
 * while a file outside it is an absolute {@code file:} URI with no base (a "/…" under a base is SARIF1004).
 */
final class SarifReport implements Report {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Where the driver says to read about pm: its README, where every rule has an anchor ({@link RuleMeta}). */
    static final String INFORMATION_URI = RuleMeta.README_URL;
    /** The base id of relative file URIs: the working directory pm ran in (code scanning's checkout root). */
    static final String SRCROOT = "%SRCROOT%";

    private final PrintWriter out;
    private final JsonGenerator gen;
    private final Map<String, Integer> ruleIndex = new HashMap<>();

    /**
     * @param version pm's version, for the tool driver
     * @param rules   the rules pm has, for the driver's rules table
     */
    SarifReport(PrintWriter out, String version, List<RuleMeta> rules) {
        this.out = out;
        try {
            gen = JsonReport.JSON.createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("$schema", SCHEMA);
            gen.writeStringField("version", "2.1.0");
            gen.writeArrayFieldStart("runs");
            gen.writeStartObject();
            gen.writeObjectFieldStart("tool");
            gen.writeObjectFieldStart("driver");
            gen.writeStringField("name", "pm");
            gen.writeStringField("version", version);
            gen.writeStringField("informationUri", INFORMATION_URI);
            gen.writeArrayFieldStart("rules");
            for (int i = 0; i < rules.size(); i++) {
                writeRule(rules.get(i));
                ruleIndex.put(rules.get(i).id(), i);
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeStringField("columnKind", "utf16CodeUnits");
            gen.writeArrayFieldStart("results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRule(RuleMeta r) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", r.id());
        gen.writeStringField("name", camel(r.id()));
        gen.writeObjectFieldStart("shortDescription");
        gen.writeStringField("text", r.summary());
        gen.writeEndObject();
        // GitHub shows the full description on the alert: what the rule checks and why it matters
        gen.writeObjectFieldStart("fullDescription");
        gen.writeStringField("text", r.why() == null || r.why().isBlank() ? r.summary() : r.summary() + " " + r.why());
        gen.writeEndObject();
        gen.writeStringField("helpUri", r.docUrl());
        gen.writeObjectFieldStart("help");
        gen.writeStringField("text", r.summary() + "\nBad:  " + r.bad() + "\nGood: " + r.good());
        gen.writeStringField("markdown", r.summary() + "\n\nBad: `" + r.bad().replace("`", "'") + "`\n\nGood: `"
                + r.good().replace("`", "'") + "`");
        gen.writeEndObject();
        gen.writeObjectFieldStart("defaultConfiguration");
        gen.writeStringField("level", level(r.severity()));
        gen.writeEndObject();
        gen.writeObjectFieldStart("properties");
        gen.writeArrayFieldStart("tags");
        for (String t : r.tags()) {
            gen.writeString(t);
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /** "blame-language" → "BlameLanguage". */
    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    @Override
    public void file(String file, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        try {
            String uri = uri(file);
            boolean relative = !java.nio.file.Path.of(file).isAbsolute();
            for (Finding f : findings) {
                gen.writeStartObject();
                gen.writeStringField("ruleId", f.rule());
                gen.writeNumberField("ruleIndex", ruleIndex.get(f.rule()));
                gen.writeStringField("level", level(f.severity()));
                gen.writeObjectFieldStart("message");
                String message = f.note() == null ? f.message() : f.message() + " (" + f.note() + ")";
                gen.writeStringField("text", f.suggestion() == null ? message
                        : message + "\nSuggestion: " + f.suggestion());
                gen.writeEndObject();
                if (f.relaxedFrom() != null) {
                    gen.writeObjectFieldStart("properties");
                    gen.writeStringField("pm.configuredLevel", level(f.relaxedFrom()));
                    gen.writeStringField("pm.note", f.note());
                    gen.writeEndObject();
                }
                gen.writeArrayFieldStart("locations");
                gen.writeStartObject();
                gen.writeObjectFieldStart("physicalLocation");
                gen.writeObjectFieldStart("artifactLocation");
                gen.writeStringField("uri", uri);
                if (relative) {
                    gen.writeStringField("uriBaseId", SRCROOT);
                }
                gen.writeEndObject();
                gen.writeObjectFieldStart("region");
                gen.writeNumberField("startLine", f.span().line());
                gen.writeNumberField("startColumn", f.span().column());
                gen.writeNumberField("endLine", f.span().endLine());
                gen.writeNumberField("endColumn", f.span().endColumn() + 1);
                gen.writeEndObject();
                gen.writeEndObject();
                gen.writeEndObject();
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file as a URI: a relative reference with '/' separators and reserved and non-ASCII characters escaped
     * (and "./" before a first segment holding a ':', which would read as a scheme), or, for a file named by its
     * absolute path (outside the working directory), an absolute {@code file:} URI.
     */
    static String uri(String file) {
        if (java.nio.file.Path.of(file).isAbsolute()) {
            return java.nio.file.Path.of(file).toUri().toASCIIString();
        }
        String path = file.replace('\\', '/');
        int slash = path.indexOf('/');
        if ((slash < 0 ? path : path.substring(0, slash)).contains(":")) {
            path = "./" + path;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    @Override
    public void finish(int unreadable, int unwritten) {
        try {
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeEndObject();
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}
