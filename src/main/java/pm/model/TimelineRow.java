package pm.model;

import java.util.List;

/** A row of the table under the Timeline section, with its cells as written. */
public record TimelineRow(String time, String event, String source, List<String> cells, Span span) {
    public TimelineRow {
        cells = List.copyOf(cells);
    }
}
