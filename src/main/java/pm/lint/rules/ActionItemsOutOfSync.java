package pm.lint.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pm.lint.ActionItemSync;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;

/**
 * {@code pm overdue} reads action items from the front matter; readers see the body. An item in one
 * and not the other is either invisible to the follow-up or to the reader, and an item whose owner, due date,
 * priority, status or link differs between the two is followed up by one and read by the other
 * ({@link ActionItemSync}). Known as {@code action-items-untracked} before it compared fields: that id still works.
 */
public final class ActionItemsOutOfSync implements Rule {
    public static final RuleMeta META = new RuleMeta("action-items-out-of-sync",
            "The body's action items and the front matter's action_items list the same items with the same owner, "
                    + "due date, priority, status and link.", Severity.WARNING,
            List.of("action-items"),
            "A row '| Add a disk alert at 85% | @maria | … | done |' in the body, but status: open (or no such item) "
                    + "in action_items",
            "The same item and fields in action_items (front matter) and in the Action items table; pm lint --fix "
                    + "syncs them both ways",
            "pm overdue reads the front matter: an item only in the body, or marked done only there, is chased "
                    + "wrongly or never, and what readers see in the table stops being true.",
            List.of("action-items-untracked"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        FrontMatter fm = pm.frontMatter();
        if (!fm.present() || !fm.readable()) {
            return; // the front-matter rule reports that; every item would be "untracked" otherwise
        }
        Set<Integer> written = new HashSet<>();
        Set<String> writtenKeys = new HashSet<>(); // a twin's key: an item listed twice is in the body once
        for (ActionItemSync.Pair p : ActionItemSync.pairs(pm)) {
            ActionItem item = p.body();
            if (p.frontMatter() == null) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " is " + ActionItems.where(item)
                        + " but not in the front matter's action_items, so pm overdue cannot track it: add it there");
                continue;
            }
            written.add(p.frontMatterIndex());
            writtenKeys.add(p.frontMatter().key());
            for (ActionItemSync.Difference d : ActionItemSync.differences(p.frontMatter(), item)) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + ": " + d.describe(item)
                        + (d.conflict() ? "; make them agree, or run 'pm lint --fix --prefer body' (or "
                                + "'--prefer front-matter')" : "; run 'pm lint --fix' to copy it to the front matter"));
            }
        }
        List<ActionItem> items = fm.actionItems();
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = items.get(i);
            if (!item.key().isEmpty() && !written.contains(i) && !writtenKeys.contains(item.key())) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " is in the front matter but not "
                        + "in the body: run 'pm lint --fix' to add it to the Action items table");
            }
        }
    }
}
