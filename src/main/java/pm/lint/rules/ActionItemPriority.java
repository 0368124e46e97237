package pm.lint.rules;

import java.util.List;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.parse.Schema;

/** A priority says what to drop when time runs short; P0 to P3 keep it comparable across teams. */
public final class ActionItemPriority implements Rule {
    public static final RuleMeta META = new RuleMeta("action-item-priority",
            "Every action item has a priority from P0 (now) to P3 (someday).", Severity.ERROR,
            List.of("action-items"),
            "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | high | open |",
            "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |",
            "A priority says how soon an item matters and sets its follow-up deadline; without one, "
                    + "urgent fixes wait behind nice-to-haves.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        for (ActionItem item : ActionItems.toCheck(pm, ctx)) {
            String written = item.hasPriority() ? item.priority() : item.writtenText(ActionItem.Field.PRIORITY);
            if (written == null) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " has no priority: add one "
                        + "of P0 (now), P1, P2, P3 (someday)");
            } else if (Schema.priority(written).isEmpty()) {
                ctx.reportFirm(item.spanOf(ActionItem.Field.PRIORITY), "action item " + ActionItems.quote(item)
                        + " has priority '" + written + "', which is not one of P0 (now), P1, P2, P3 (someday)");
            }
        }
    }
}
