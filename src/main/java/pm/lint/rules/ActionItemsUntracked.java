package pm.lint.rules;

import java.util.HashSet;
import java.util.Set;
import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;

/**
 * {@code pm overdue} reads action items from the front matter; readers see the body. An item in one
 * and not the other is either invisible to the follow-up or to the reader.
 */
@RuleInfo(id = "action-items-untracked", severity = Severity.WARNING, tags = {"action-items"},
        summary = "The body's action items and the front matter's action_items list the same items.",
        bad = "A row '| Add a disk alert at 85% | @maria | … |' in the body, but no such item in action_items",
        good = "The same title in action_items (front matter) and in the Action items table; pm lint --fix syncs "
                + "the table")
public final class ActionItemsUntracked implements Rule {
    @Override
    public void check(Postmortem pm, FindingSink out) {
        FrontMatter fm = pm.frontMatter();
        if (!fm.present() || !fm.readable()) {
            return; // the front-matter rule reports that; every item would be "untracked" otherwise
        }
        Set<String> tracked = ActionItems.frontMatterKeys(pm);
        Set<String> written = new HashSet<>();
        for (ActionItem item : pm.bodyActionItems()) {
            String key = ActionItems.key(pm, item.title());
            written.add(key);
            if (!key.isEmpty() && !tracked.contains(key)) {
                out.report(item.span(), "action item " + ActionItems.quote(item) + " is " + ActionItems.where(item)
                        + " but not in the front matter's action_items, so pm overdue cannot track it: add it there");
            }
        }
        for (ActionItem item : fm.actionItems()) {
            String key = ActionItems.key(pm, item.title());
            if (!key.isEmpty() && !written.contains(key)) {
                out.report(item.span(), "action item " + ActionItems.quote(item) + " is in the front matter but not "
                        + "in the body: run 'pm lint --fix' to add it to the Action items table");
            }
        }
    }
}
