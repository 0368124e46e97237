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
 * to {@code action_items}, and a field only the body gives is copied into the front matter ({@link
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
                    ed.append(item);
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
            return new Result(text, did, left, keep);
        } catch (FrontMatterEditor.Refused e) {
            List<String> all = new ArrayList<>(left);
            all.add("the front matter was not synced from the body: " + e.getMessage());
            return new Result(null, List.of(), all, keep);
        }
    }
}
