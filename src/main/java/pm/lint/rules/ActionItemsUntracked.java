package pm.lint.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;

/**
 * {@code pm overdue} reads action items from the front matter; readers see the body. An item in one
 * and not the other is either invisible to the follow-up or to the reader.
 */
public final class ActionItemsUntracked implements Rule {
    public static final RuleMeta META = new RuleMeta("action-items-untracked",
            "The body's action items and the front matter's action_items list the same items.", Severity.WARNING,
            List.of("action-items"),
            "A row '| Add a disk alert at 85% | @maria | … |' in the body, but no such item in action_items",
            "The same title in action_items (front matter) and in the Action items table; pm lint --fix syncs "
                    + "the table",
            "pm overdue reads the front matter: an item only in the body is never chased, and one only "
                    + "in the front matter is missing from what readers see.");

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
        Set<String> tracked = ActionItems.frontMatterKeys(pm, ctx);
        Set<String> written = new HashSet<>();
        for (ActionItem item : pm.bodyActionItems()) {
            String key = item.key();
            written.add(key);
            if (!key.isEmpty() && !tracked.contains(key)) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " is " + ActionItems.where(item)
                        + " but not in the front matter's action_items, so pm overdue cannot track it: add it there");
            }
        }
        for (ActionItem item : fm.actionItems()) {
            String key = item.key();
            if (!key.isEmpty() && !written.contains(key)) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " is in the front matter but not "
                        + "in the body: run 'pm lint --fix' to add it to the Action items table");
            }
        }
    }
}
