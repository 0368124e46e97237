package pm.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pm.edit.FrontMatterEditor;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.parse.PostmortemParser;

/**
 * {@code pm lint --fix}, body to front matter: items written only in the body (table rows, list items) are appended
 * to {@code action_items}, a field only the body gives is copied into the front matter, and each item without an
 * {@code id} gets one made from its title, unique in the file ({@link
 * FrontMatterEditor}: as text, every other byte kept). Where both sides give a field differently, the item is left
 * as it is on both sides and a line names the values, unless {@code --prefer} says which side wins. The table is then
 * written from the front matter by {@link ActionTableFix}, with the rows of conflicting items as the body has them.
 */
public final class ActionSyncFix {
    private ActionSyncFix() {
    }

    /**
     * What the sync did.
     *
     * @param text      the new text (without the byte order mark), or {@code null} when the front matter is unchanged
     * @param did       what changed, for the --fix line
     * @param left      why something was left alone (conflicts, a front matter pm cannot edit)
     * @param keepRows  the body items whose table rows stay as the body has them (conflicts), by key
     */
    public record Result(String text, List<String> did, List<String> left, Map<String, ActionItem> keepRows) {
    }

    /**
     * Gives each item without an {@code id} one made from its title ({@link #idOf}), unique in the file; the items
     * being appended get theirs in {@code appended} (they are written with it).
     *
     * @return the ids given, in order
     */
    private static List<String> giveIds(FrontMatter fm, FrontMatterEditor ed, List<Map<String, String>> appended,
            Set<String> leftAlone) {
        Set<String> taken = new HashSet<>();
        for (ActionItem a : fm.actionItems()) {
            if (a.id() != null) {
                taken.add(a.id());
            }
        }
        List<String> given = new ArrayList<>();
        List<ActionItem> items = fm.actionItems();
        for (int i = 0; i < items.size(); i++) {
            ActionItem a = items.get(i);
            if (a.id() == null && a.title() != null && !a.title().isBlank()
                    && !a.written().containsKey(ActionItem.Field.ID) && !leftAlone.contains(a.key())) {
                String id = unique(idOf(a.title()), taken);
                ed.set(i, ActionItem.Field.ID.key(), id);
                given.add(id);
            }
        }
        for (Map<String, String> item : appended) {
            String id = unique(idOf(item.get("title")), taken);
            item.put(ActionItem.Field.ID.key(), id);
            given.add(id);
        }
        return given;
    }

    /**
     * An id made from a title: its words ({@link ActionItem#keyOf}) joined by '-', at most 40 characters, cut at a word
     * ("Add a disk alert at 85%" → "add-a-disk-alert-at-85"); "item" for a title without any.
     */
    public static String idOf(String title) {
        String key = ActionItem.keyOf(title);
        StringBuilder sb = new StringBuilder();
        for (String w : key.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0 && sb.length() + 1 + w.length() > 40) {
                break;
            }
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(w.length() > 40 ? w.substring(0, 40) : w);
        }
        return sb.length() == 0 ? "item" : sb.toString();
    }

    private static String unique(String id, Set<String> taken) {
        String out = id;
        for (int n = 2; !taken.add(out); n++) {
            out = id + "-" + n;
        }
        return out;
    }

    public static Result apply(PostmortemParser parser, Postmortem pm, ActionItemSync.Prefer prefer) {
        FrontMatter fm = pm.frontMatter();
        if (!fm.present() || !fm.readable()) {
            return new Result(null, List.of(), List.of(), Map.of());
        }
        FrontMatterEditor ed = new FrontMatterEditor(parser, pm.source(), fm);
        List<String> added = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Map<String, ActionItem> keep = new HashMap<>();
        Set<String> appended = new HashSet<>();
        List<Map<String, String>> appendedItems = new ArrayList<>();
        for (ActionItemSync.Pair p : ActionItemSync.pairs(pm)) {
            ActionItem b = p.body();
            if (p.frontMatter() == null) {
                if (appended.add(b.key())) {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("title", b.title().strip());
                    for (ActionItem.Field f : ActionItemSync.FIELDS) {
                        String v = ActionItemSync.value(b, f);
                        if (v != null) {
                            item.put(f.key(), v);
                        }
                    }
                    appendedItems.add(item);
                    added.add("'" + b.title().strip() + "'");
                }
                continue;
            }
            List<ActionItemSync.Difference> diffs = ActionItemSync.differences(p.frontMatter(), b);
            boolean conflict = diffs.stream().anyMatch(ActionItemSync.Difference::conflict);
            if (conflict && prefer == ActionItemSync.Prefer.NONE) {
                List<String> said = new ArrayList<>();
                for (ActionItemSync.Difference d : diffs) {
                    if (d.conflict()) {
                        said.add(d.describe(b));
                    }
                }
                left.add("conflicting values for '" + b.title().strip() + "' (line " + b.span().line() + "): " + String.join(", ", said)
                        + "; run pm lint --fix --prefer body or --prefer front-matter to choose");
                keep.put(b.key(), b);
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (ActionItemSync.Difference d : diffs) {
                if (d.conflict() && prefer == ActionItemSync.Prefer.FRONT_MATTER) {
                    continue; // the table is written from the front matter
                }
                ed.set(p.frontMatterIndex(), d.field().key(), d.bodyValue());
                fields.add(d.field().key());
            }
            if (!fields.isEmpty()) {
                copied.add(String.join(", ", fields) + " of '" + b.title().strip() + "'");
            }
        }
        List<String> ids = giveIds(fm, ed, appendedItems, keep.keySet());
        for (Map<String, String> item : appendedItems) {
            ed.append(item);
        }
        if (ed.isEmpty()) {
            return new Result(null, List.of(), left, keep);
        }
        try {
            String text = ed.apply();
            List<String> did = new ArrayList<>();
            if (!added.isEmpty()) {
                did.add("added " + added.size() + (added.size() == 1 ? " item" : " items") + " from the body to the "
                        + "front matter (" + String.join(", ", added) + ")");
            }
            if (!copied.isEmpty()) {
                did.add("copied " + String.join("; ", copied) + " from the body to the front matter");
            }
            if (!ids.isEmpty()) {
                did.add("gave " + (ids.size() == 1 ? "an item an id" : ids.size() + " items ids") + " ("
                        + String.join(", ", ids) + ")");
            }
            return new Result(text, did, left, keep);
        } catch (FrontMatterEditor.Refused e) {
            List<String> all = new ArrayList<>(left);
            all.add("the front matter's action items: " + e.getMessage());
            return new Result(null, List.of(), all, keep);
        }
    }
}
