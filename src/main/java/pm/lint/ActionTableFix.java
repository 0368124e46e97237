package pm.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.model.Section;
import pm.model.SectionKind;
import pm.model.SourceText;

/**
 * {@code pm lint --fix}: rewrites the body's action-item table from the front matter's
 * {@code action_items}, or creates it at the end of the Action items section. Only the table's lines
 * change; every other character of the file stays as it was, line endings included. It refuses, saying
 * why, rather than drop anything: table rows missing from the front matter (which {@link ActionSyncFix} adds there
 * first), columns it does not write, front-matter items missing from a list (it does not rewrite lists).
 */
public final class ActionTableFix {
    private static final List<String> HEADER = List.of("Action item", "Owner", "Due", "Priority", "Status");

    private ActionTableFix() {
    }

    /** What --fix did to one file. */
    public sealed interface Outcome {
    }

    /** Nothing to do: the table already says what the front matter says, or there is nothing to write. */
    public record Unchanged() implements Outcome {
    }

    /** The new text of the file (without the byte order mark, which the caller keeps). */
    public record Fixed(String text) implements Outcome {
    }

    /** Why the file was left alone. */
    public record Refused(String reason) implements Outcome {
    }

    public static Outcome apply(Postmortem pm) {
        return apply(pm, java.util.Map.of());
    }

    /**
     * @param keepRows body items (by {@link ActionItem#key}) whose rows are written as the body has them, not from
     *                 their front-matter twin: the items whose fields conflict ({@link ActionSyncFix})
     */
    public static Outcome apply(Postmortem pm, java.util.Map<String, ActionItem> keepRows) {
        FrontMatter fm = pm.frontMatter();
        if (!fm.present() || !fm.readable()) {
            return new Unchanged();
        }
        List<ActionItem> items = new ArrayList<>();
        for (ActionItem a : fm.actionItems()) {
            items.add(keepRows.getOrDefault(a.key(), a));
        }
        for (ActionItem a : items) {
            if (a.title() == null || a.title().isBlank()) {
                return new Refused("an action item in the front matter has no title; give it one first");
            }
        }
        boolean links = items.stream().anyMatch(a -> a.link() != null);
        List<ActionItem> rows = new ArrayList<>();
        List<ActionItem> listed = new ArrayList<>();
        for (ActionItem a : pm.bodyActionItems()) {
            (a.origin() == ActionItem.Origin.TABLE ? rows : listed).add(a);
        }
        SourceText src = pm.source();
        String text = src.text();
        String nl = src.lineSeparator();
        if (pm.actionItemTable().isPresent()) {
            Postmortem.TableRange range = pm.actionItemTable().get();
            Set<String> tracked = new java.util.HashSet<>();
            for (ActionItem a : items) {
                tracked.add(a.key());
            }
            List<String> untracked = new ArrayList<>();
            for (ActionItem r : rows) {
                if (!tracked.contains(r.key())) {
                    untracked.add("'" + r.title() + "'");
                }
            }
            if (!untracked.isEmpty()) {
                return new Refused("the Action items table has rows that are not in the front matter's action_items ("
                        + String.join(", ", untracked) + "); add them there first so --fix does not drop them");
            }
            int columns = HEADER.size() + (links ? 1 : 0);
            int written = cellCount(src.lineText(src.line(range.start())));
            if (written > columns) {
                return new Refused("the Action items table has " + written + " columns and --fix writes " + columns
                        + " (" + String.join(", ", header(links)) + "); remove the others first so nothing is lost");
            }
            String table = render(items, links, nl);
            if (sameItems(rows, items) || text.substring(range.start(), range.end()).equals(table)) {
                return new Unchanged();
            }
            return new Fixed(text.substring(0, range.start()) + table + text.substring(range.end()));
        }
        if (items.isEmpty()) {
            return new Unchanged();
        }
        if (!listed.isEmpty()) {
            Set<String> inList = new java.util.HashSet<>();
            for (ActionItem a : listed) {
                inList.add(a.key());
            }
            if (items.stream().allMatch(a -> inList.contains(a.key()))) {
                return new Unchanged(); // the list already holds every item
            }
            return new Refused("the action items are written as a list; --fix only maintains a table, so "
                    + "replace the list with a table or keep both in step by hand");
        }
        Section section = pm.section(SectionKind.ACTION_ITEMS).orElse(null);
        if (section == null) {
            return new Refused("there is no Action items section to put the table in; add '## Action items' and "
                    + "run pm lint --fix again");
        }
        int at = section.contentEnd();
        while (at > section.contentStart() && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        if (at <= section.contentStart()) {
            at = src.lineEnd(section.headingSpan().endLine());
        }
        return new Fixed(text.substring(0, at) + nl + nl + render(items, links, nl) + text.substring(at));
    }

    private static List<String> header(boolean links) {
        List<String> h = new ArrayList<>(HEADER);
        if (links) {
            h.add("Link");
        }
        return h;
    }

    /** Cells of a table line: "| a | b |" and "a | b" both have 2; escaped pipes do not split. */
    private static int cellCount(String line) {
        String s = line.strip().replace("\\|", "");
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.split("\\|", -1).length;
    }

    private static boolean sameItems(List<ActionItem> rows, List<ActionItem> items) {
        if (rows.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            ActionItem r = rows.get(i);
            ActionItem a = items.get(i);
            if (!Objects.equals(clean(r.title()), clean(a.title())) || !Objects.equals(clean(r.owner()), clean(a.owner()))
                    || !Objects.equals(clean(r.dueText()), clean(a.dueText()))
                    || !Objects.equals(clean(r.priority()), clean(a.priority()))
                    || !Objects.equals(clean(r.status()), clean(a.status()))
                    || a.link() != null && !Objects.equals(clean(r.link()), clean(a.link()))) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A Markdown table, columns padded to line up, without a final line break. */
    static String render(List<ActionItem> items, boolean links, String nl) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(links));
        for (ActionItem a : items) {
            List<String> r = new ArrayList<>(List.of(cell(a.title()), cell(a.owner()), cell(a.dueText()),
                    cell(a.priority()), cell(a.status())));
            if (links) {
                r.add(cell(a.link()));
            }
            rows.add(r);
        }
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            if (n > 0) {
                sb.append(nl);
            }
            line(sb, rows.get(n), width);
            if (n == 0) {
                sb.append(nl).append('|');
                for (int w : width) {
                    sb.append("-".repeat(w + 2)).append('|');
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
    }

    private static String cell(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").replace("|", "\\|");
    }
}
