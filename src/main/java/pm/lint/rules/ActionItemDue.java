package pm.lint.rules;

import java.util.List;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;

/** Without a due date an action item is a wish, and {@code pm overdue} cannot chase it. */
public final class ActionItemDue implements Rule {
    public static final RuleMeta META = new RuleMeta("action-item-due",
            "Every action item has a due date written as YYYY-MM-DD.", Severity.ERROR, List.of("action-items"),
            "| Add a disk alert at 85% on db-1 | @maria | next sprint | P1 | open |",
            "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |",
            "A follow-up without a date is never late, so nobody is reminded of it: pm overdue can only "
                    + "chase items with a real date.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        for (ActionItem item : ActionItems.toCheck(pm, ctx)) {
            if (item.due() == null && item.dueProblem() != null) {
                ctx.reportFirm(item.spanOf(ActionItem.Field.DUE), "action item " + ActionItems.quote(item)
                        + " has no usable due date: " + item.dueProblem());
            } else if (item.dueText() == null || item.dueText().isBlank()) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " has no due date: add one "
                        + "as YYYY-MM-DD");
            } else if (item.due() == null) {
                ctx.reportFirm(item.spanOf(ActionItem.Field.DUE), "action item " + ActionItems.quote(item)
                        + " has no usable due date: '" + item.dueText().strip() + "' is not a date; write it as "
                        + "YYYY-MM-DD");
            }
        }
    }
}
