package pm.lint.rules;

import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;

/** Without a due date an action item is a wish, and {@code pm overdue} cannot chase it. */
@RuleInfo(id = "action-item-due", severity = Severity.ERROR, tags = {"action-items"},
        summary = "Every action item has a due date written as YYYY-MM-DD.",
        bad = "| Add a disk alert at 85% on db-1 | @maria | next sprint | P1 | open |",
        good = "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |")
public final class ActionItemDue implements Rule {
    @Override
    public void check(Postmortem pm, FindingSink out) {
        for (ActionItem item : ActionItems.toCheck(pm)) {
            if (item.due() == null && item.dueProblem() != null) {
                out.report(ActionItems.fieldSpan(pm.frontMatter(), item, "due"), "action item "
                        + ActionItems.quote(item) + " has no usable due date: " + item.dueProblem());
            } else if (item.dueText() == null || item.dueText().isBlank()) {
                out.report(item.span(), "action item " + ActionItems.quote(item) + " has no due date: add one "
                        + "as YYYY-MM-DD");
            } else if (item.due() == null) {
                out.report(ActionItems.fieldSpan(pm.frontMatter(), item, "due"), "action item "
                        + ActionItems.quote(item) + " has no usable due date: '" + item.dueText().strip()
                        + "' is not a date; write it as YYYY-MM-DD");
            }
        }
    }
}
