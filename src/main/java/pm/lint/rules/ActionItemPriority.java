package pm.lint.rules;

import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.parse.Schema;

/** A priority says what to drop when time runs short; P0 to P3 keep it comparable across teams. */
@RuleInfo(id = "action-item-priority", severity = Severity.ERROR, tags = {"action-items"},
        summary = "Every action item has a priority from P0 (now) to P3 (someday).",
        bad = "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | high | open |",
        good = "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |")
public final class ActionItemPriority implements Rule {
    @Override
    public void check(Postmortem pm, FindingSink out) {
        for (ActionItem item : ActionItems.toCheck(pm)) {
            String written = item.hasPriority() ? item.priority()
                    : ActionItems.yamlText(pm.frontMatter(), item, "priority");
            if (written == null) {
                out.report(item.span(), "action item " + ActionItems.quote(item) + " has no priority: add one "
                        + "of P0 (now), P1, P2, P3 (someday)");
            } else if (Schema.priority(written).isEmpty()) {
                out.report(ActionItems.fieldSpan(pm.frontMatter(), item, "priority"), "action item "
                        + ActionItems.quote(item) + " has priority '" + written + "', which is not one of P0 (now), "
                        + "P1, P2, P3 (someday)");
            }
        }
    }
}
