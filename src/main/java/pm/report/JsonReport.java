package pm.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import pm.lint.Finding;

/**
 * A JSON array with one object per finding: file, line, column, endLine, endColumn (the column of the
 * last character), rule, severity, message, suggestion ({@code null} when there is none). One object
 * per line, so the output also greps well.
 */
final class JsonReport implements Report {
    static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;
    private final JsonGenerator gen;

    JsonReport(PrintWriter out) {
        this.out = out;
        try {
            gen = JSON.createGenerator(out);
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setPrettyPrinter(new OnePerLine());
            gen.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void file(String file, List<Finding> findings) {
        try {
            for (Finding f : findings) {
                gen.writeStartObject();
                gen.writeStringField("file", file);
                gen.writeNumberField("line", f.span().line());
                gen.writeNumberField("column", f.span().column());
                gen.writeNumberField("endLine", f.span().endLine());
                gen.writeNumberField("endColumn", f.span().endColumn());
                gen.writeStringField("rule", f.rule());
                gen.writeStringField("severity", f.severity().id());
                gen.writeStringField("message", f.message());
                gen.writeStringField("suggestion", f.suggestion());
                if (f.relaxedFrom() != null) { // a draft's finding: what it is from in-review, and why it is not yet
                    gen.writeStringField("configuredSeverity", f.relaxedFrom().id());
                    gen.writeStringField("note", f.note());
                }
                gen.writeEndObject();
            }
            if (!findings.isEmpty()) {
                gen.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** "[", each object on its own indented line, "]". */
    private static final class OnePerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw("\n  ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n  ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
