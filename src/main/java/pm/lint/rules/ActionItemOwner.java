package pm.lint.rules;

import java.util.List;
import java.util.function.Predicate;
import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Owners;
import pm.model.Postmortem;

/** An action item nobody owns does not get done; "TBD" and "the team" name nobody. */
@RuleInfo(id = "action-item-owner", severity = Severity.ERROR, tags = {"action-items"},
        summary = "Every action item has an owner: one person or @handle, not TBD or the team.",
        bad = "| Add a disk alert at 85% on db-1 | TBD | 2025-04-01 | P1 | open |",
        good = "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |")
public final class ActionItemOwner implements Rule {
    private final Predicate<String> namesNobody;

    /** @param placeholders owners that count as missing, matched as {@link Owners#placeholders} does */
    public ActionItemOwner(List<String> placeholders) {
        this.namesNobody = Owners.placeholders(placeholders);
    }

    @Override
    public void check(Postmortem pm, FindingSink out) {
        for (ActionItem item : ActionItems.toCheck(pm)) {
            if (!item.hasOwner()) {
                out.report(item.span(), "action item " + ActionItems.quote(item) + " has no owner: name the one "
                        + "person (or @handle) who will drive it");
            } else if (namesNobody.test(item.owner())) {
                out.report(ActionItems.fieldSpan(pm.frontMatter(), item, "owner"), "action item "
                        + ActionItems.quote(item) + " has owner '" + item.owner().strip() + "', which names nobody: "
                        + "name the one person (or @handle) who will drive it");
            }
        }
    }
}
