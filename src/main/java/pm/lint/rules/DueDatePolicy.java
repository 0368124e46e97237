package pm.lint.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.policy.Deadline;
import pm.policy.Policies;

/**
 * A priority is a promise about time: a P1 due in three months is a P3 in disguise. Checks each unfinished item's
 * due date against the deadline its follow-up policy ({@code policies:} in {@code .pm.yml}) sets, counted from the
 * incident date; an item due on that day passes. Items with a waiver, finished items, and items without a usable
 * due date (action-item-due reports those) are left alone.
 */
public final class DueDatePolicy implements Rule {
    public static final RuleMeta META = new RuleMeta("due-date-policy",
            "Every unfinished action item is due by the deadline its priority's policy sets (default: P0 within 7 "
                    + "days of the incident date, P1 14, P2 30, P3 90).",
            Severity.WARNING, List.of("action-items", "policy"),
            "date: 2025-03-14 … | Add a disk alert at 85% on db-1 | @maria | 2025-06-30 | P1 | open |",
            "date: 2025-03-14 … | Add a disk alert at 85% on db-1 | @maria | 2025-03-28 | P1 | open |",
            "Follow-ups that drift past their priority's deadline let the same incident happen again; "
                    + "the policy makes the agreed deadline checkable.");

    private final Policies policies;

    public DueDatePolicy(LintSettings settings) {
        this.policies = settings.policies();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        FrontMatter fm = pm.frontMatter();
        if (!policies.on() || fm.date() == null) {
            return;
        }
        for (ActionItem item : ActionItems.toCheck(pm, ctx)) { // finished items are not among them
            if (item.due() == null) {
                continue;
            }
            Deadline d = policies.deadlineFor(item, fm);
            if (d == null || !item.due().isAfter(d.due())) {
                continue;
            }
            long after = ChronoUnit.DAYS.between(d.incident(), item.due());
            ctx.report(item.spanOf(ActionItem.Field.DUE), "action item " + ActionItems.quote(item) + " is due "
                    + item.due() + ", " + days(after) + " after the incident (" + d.incident() + "); policy '"
                    + d.policy().name() + "' allows " + days(d.policy().within()) + ": due by " + d.due(),
                    "Bring the due date in to " + d.due() + " or earlier. If the item can wait, lower its priority and "
                            + "say why in the postmortem, or record who agreed to the later date with 'waiver: {reason: "
                            + "…, by: …, date: YYYY-MM-DD}' on the item"
                            + (item.origin() == ActionItem.Origin.FRONT_MATTER ? "." : " in action_items."));
        }
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
