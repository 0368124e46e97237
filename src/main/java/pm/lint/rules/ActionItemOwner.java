package pm.lint.rules;

import java.util.List;
import java.util.function.Predicate;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Owners;
import pm.model.Postmortem;

/** An action item nobody owns does not get done; "TBD" and "the team" name nobody. */
public final class ActionItemOwner implements Rule {
    public static final RuleMeta META = new RuleMeta("action-item-owner",
            "Every action item has an owner: one person or @handle, not TBD or the team.", Severity.ERROR,
            List.of("action-items"),
            "| Add a disk alert at 85% on db-1 | TBD | 2025-04-01 | P1 | open |",
            "| Add a disk alert at 85% on db-1 | @maria | 2025-04-01 | P1 | open |",
            "Work owned by 'TBD' or 'the team' is work nobody does: one named person is who pm overdue "
                    + "reminds and who the review asks.");

    private final Predicate<String> namesNobody;

    /** Owners in {@code lint.owner_placeholders} count as missing, matched as {@link Owners#placeholders} does. */
    public ActionItemOwner(LintSettings settings) {
        this.namesNobody = Owners.placeholders(settings.ownerPlaceholders());
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        for (ActionItem item : ActionItems.toCheck(pm, ctx)) {
            if (!item.hasOwner()) {
                ctx.report(item.span(), "action item " + ActionItems.quote(item) + " has no owner: name the one "
                        + "person (or @handle) who will drive it");
            } else if (namesNobody.test(item.owner())) {
                ctx.report(item.spanOf(ActionItem.Field.OWNER), "action item " + ActionItems.quote(item)
                        + " has owner '" + item.owner().strip() + "', which names nobody: name the one person (or "
                        + "@handle) who will drive it");
            }
        }
    }
}
