package pm.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/**
 * The report as a JSON array, one object per row with exactly these fields: file, postmortem, title, owner,
 * due, priority, status, daysOverdue, kind; and on a row a follow-up policy made late (kind policy or not-started)
 * one more, policy, naming it. Missing values are {@code null}.
 */
final class OverdueJson {
    private OverdueJson() {
    }

    static void write(OverdueReport report, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (OverdueItem i : report.items()) {
                g.writeStartObject();
                g.writeStringField("file", i.file());
                g.writeStringField("postmortem", i.postmortem());
                g.writeStringField("title", i.title());
                g.writeStringField("owner", i.owner());
                g.writeStringField("due", i.due() == null ? null : i.due().toString());
                g.writeStringField("priority", i.priority());
                g.writeStringField("status", i.status());
                if (i.daysOverdue() == null) {
                    g.writeNullField("daysOverdue");
                } else {
                    g.writeNumberField("daysOverdue", i.daysOverdue());
                }
                g.writeStringField("kind", i.kind().id());
                if (i.policy() != null) {
                    g.writeStringField("policy", i.policy()); // only on the rows a policy made late
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
