package pm.index;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The index as Markdown lines, from the start marker to the end marker: one table, newest first, and a line of
 * totals. Every cell is escaped ({@link #cell}) and every link URL-encoded ({@link #href}), so that what a
 * postmortem's author writes in its title, services or file name stays text in its own cell.
 */
public final class Table {
    public static final String START = "<!-- pm-index:start -->";
    public static final String END = "<!-- pm-index:end -->";
    static final String NOTE = "<!-- Written by pm index: edit outside the pm-index markers; run `pm index` to "
            + "update. -->";
    static final String HEADER = "| Date | Postmortem | Severity | Services | Status | Action items done | Overdue |";
    static final String RULE = "|------|------------|----------|----------|--------|------------------:|--------:|";
    static final String NONE = "—";

    /** The last cell of a row (its overdue count), and the day the totals line counts them as of. */
    private static final Pattern OVERDUE_CELL = Pattern.compile("\\| (?:\\d+|" + NONE + ") \\|$");
    private static final Pattern OVERDUE_TOTAL = Pattern.compile("\\d+ overdue as of \\d{4}-\\d{2}-\\d{2}");

    private Table() {
    }

    /** The block's lines, markers included. */
    public static List<String> lines(List<Entry> entries, LocalDate asOf) {
        List<String> out = new ArrayList<>(entries.size() + 10);
        out.add(START);
        out.add(NOTE);
        out.add("");
        int postmortems = 0;
        int unreadable = 0;
        long done = 0;
        long total = 0;
        long overdue = 0;
        if (entries.isEmpty()) {
            out.add("No postmortems yet.");
        } else {
            out.add(HEADER);
            out.add(RULE);
            for (Entry e : entries) {
                out.add(row(e));
                if (e.readable()) {
                    postmortems++;
                    done += e.done();
                    total += e.total();
                    overdue += e.overdue();
                } else {
                    unreadable++;
                }
            }
        }
        out.add("");
        out.add(totals(postmortems, unreadable, done, total, overdue, asOf));
        out.add("");
        out.add(END);
        return out;
    }

    static String row(Entry e) {
        StringBuilder b = new StringBuilder(160);
        b.append("| ").append(e.date() == null ? NONE : e.date().toString());
        if (!e.readable()) {
            String base = e.link().substring(e.link().lastIndexOf('/') + 1);
            b.append(" | [").append(cell(base)).append("](").append(href(e.link())).append(") | ").append(NONE)
                    .append(" | ").append(NONE).append(" | unreadable (pm lint says why) | ").append(NONE)
                    .append(" | ").append(NONE).append(" |");
            return b.toString();
        }
        b.append(" | [").append(cell(e.title())).append("](").append(href(e.link())).append(")");
        b.append(" | ").append(e.severity() == null ? NONE : cell(e.severity()));
        b.append(" | ").append(e.services().isEmpty() ? NONE : cell(String.join(", ", e.services())));
        b.append(" | ").append(e.status() == null ? NONE : cell(e.status()));
        b.append(" | ").append(e.total() == 0 ? NONE : e.done() + "/" + e.total());
        b.append(" | ").append(e.overdue()).append(" |");
        return b.toString();
    }

    static String totals(int postmortems, int unreadable, long done, long total, long overdue, LocalDate asOf) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(postmortems).append(postmortems == 1 ? " postmortem" : " postmortems").append("**");
        if (unreadable > 0) {
            b.append(" · ").append(unreadable).append(unreadable == 1 ? " file" : " files")
                    .append(" unreadable (run pm lint)");
        }
        b.append(" · action items: ").append(done).append(" of ").append(total).append(" done");
        b.append(" · ").append(overdue).append(" overdue as of ").append(asOf);
        return b.toString();
    }

    /**
     * A line as {@code --check} compares it: the overdue counts, and the day they are counted as of, left out,
     * so that an index does not go out of date the morning an item becomes late.
     */
    public static String dateFree(String line) {
        if (line.startsWith("| ")) {
            return OVERDUE_CELL.matcher(line).replaceFirst("| ? |");
        }
        return OVERDUE_TOTAL.matcher(line).replaceFirst("? overdue as of ?");
    }

    /**
     * Text as one table cell of Markdown: on one line (line breaks and other control characters become spaces),
     * HTML's special characters as entities, and the characters that would make a link, emphasis, code, math or a
     * new cell backslash-escaped; bidirectional overrides, which could show the text in another order, are
     * replaced by U+FFFD.
     */
    public static String cell(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u2028' || c == '\u2029') {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$', '!', '#' -> b.append('\\').append(c);
                default -> {
                    if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * A relative path as a link destination: every byte of its UTF-8 but letters, digits, {@code -._~} and '/'
     * percent-encoded (spaces, parentheses and non-ASCII letters included), so it needs no angle brackets and
     * cannot end the link early.
     */
    public static String href(String path) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
