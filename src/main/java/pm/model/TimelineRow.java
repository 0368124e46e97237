package pm.model;

import java.util.List;

/**
 * An entry of the timeline: a row of its table, a line or list item that starts with a time ("- 14:02 UTC —
 * …", "* **14:02** …"), or a heading or line that gives the day the entries below it are on.
 *
 * @param time  the time as written (the table's time cell, or the time a line starts with)
 * @param when  that time as read, or null when it cannot be read for certain ("Day 2", "~13:30ish")
 * @param kind  what the entry is
 * @param cells a table row's cells as written; for a line, its time and its text
 */
public record TimelineRow(String time, String event, String source, List<String> cells, Span span, When when,
                          Kind kind) {
    /** What a timeline entry is. */
    public enum Kind {
        /** A row of the timeline's table. */
        ROW,
        /** A line or list item that starts with a time. */
        LINE,
        /** A heading or a line of its own that gives a day ("### 2018-01-19", "**Mon, 24 Nov 2025**"). */
        DAY,
        /** A heading inside the timeline that is no day ("### Second incident"): what follows starts afresh. */
        BREAK
    }

    public TimelineRow {
        cells = List.copyOf(cells);
    }
}
