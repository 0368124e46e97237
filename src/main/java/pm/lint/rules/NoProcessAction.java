package pm.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.model.SectionKind;
import pm.model.Span;

/**
 * Restarting the cache ends this incident; only a change to a process, tool or system stops the next
 * one. Flags a postmortem whose action items are all recognisable one-off fixes (restart, revert,
 * clean up, refund, …) and none names something that changes how the system works (an alert, a test,
 * a limit, a runbook, automation, …). Items that are neither do not count either way, so a list it
 * cannot read is never flagged.
 */
public final class NoProcessAction implements Rule {
    public static final RuleMeta META = new RuleMeta("no-process-action",
            "At least one action item changes a process, tool or system, not only a one-off fix.",
            Severity.WARNING, List.of("action-items"),
            "Action items: 'Restart the cache cluster', 'Delete the stale DNS record' (and nothing else)",
            "…plus 'Add a canary stage that restarts one cache node first and checks hit rate'",
            "One-off fixes mend this incident only; at least one change to a process, tool or system is "
                    + "what keeps it from happening again.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private static final Pattern SYSTEMIC = Pattern.compile("(?i)\\b(?:add|adds|adding|automate[ds]?|automation"
            + "|introduce|implement|build|create|enforce|require|prevent|document|documentation|docs|write up"
            + "|replace|migrate|redesign|refactor|rework|extend|enable|set up|setup|configure|standardi[sz]e"
            + "|schedule|track|limit(?:s|ing)?|cap|throttl\\w*|restrict|validat\\w*|verif\\w*|tests?|testing|lint\\w*"
            + "|alert\\w*|monitor\\w*|dashboards?|runbooks?|playbooks?|checklists?|process(?:es)?|procedures?"
            + "|polic(?:y|ies)|guidelines?|templates?|ci|pipelines?|scripts?|tool(?:s|ing)?|guardrails?|guards?"
            + "|quotas?|rate[- ]limit\\w*|circuit[- ]breakers?|retr(?:y|ies)|timeouts?|health[- ]?checks?"
            + "|canar(?:y|ies)|rollouts?|feature[- ]flags?|backups?|failover|redundan\\w+|capacity|autoscal\\w*"
            + "|on-?call|escalation|training|onboarding|approvals?|permissions?|access controls?|slos?|metrics?"
            + "|logging|tracing|observability|notifications?|paging|fallbacks?|staging|safeguards?|checks?"
            + "|detection|reviews?|audits?)\\b");
    private static final Pattern ONE_OFF = Pattern.compile("(?i)\\b(?:restart\\w*|reboot\\w*|revert\\w*"
            + "|roll ?back|rollback|delete\\w*|remove\\w*|clean ?up|cleanup|purge\\w*|flush\\w*|reprocess\\w*"
            + "|replay\\w*|backfill\\w*|refund\\w*|apologi[sz]e\\w*|rotate\\w*|reset\\w*|re-?run\\w*|re-?deploy\\w*"
            + "|unblock\\w*|hotfix\\w*|patch\\w*|fix|fixes|fixed|free up|resize\\w*|renew\\w*|reinstall\\w*"
            + "|re-?index\\w*|recover\\w*|restore\\w*|upgrade\\w*|bump\\w*|downgrade\\w*)\\b");

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        List<ActionItem> items = new ArrayList<>(pm.frontMatter().actionItems());
        items.addAll(pm.bodyActionItems());
        for (ActionItem m : pm.followUpMentions()) {
            if (m.origin() == ActionItem.Origin.SENTENCE) {
                items.add(m); // "We will add an alert …"; nested steps and stray checklists say less about the plan
            }
        }
        boolean oneOff = false;
        for (ActionItem item : items) {
            String title = item.title() == null ? "" : item.title();
            if (SYSTEMIC.matcher(title).find()) {
                return;
            }
            oneOff |= ONE_OFF.matcher(title).find();
        }
        if (!oneOff) {
            return;
        }
        Span at = pm.section(SectionKind.ACTION_ITEMS).map(s -> s.headingSpan()).orElse(items.get(0).span());
        ctx.report(at, "every action item is a one-off fix (restart, revert, clean up, …): add one that changes "
                + "a process, tool or system so this cannot happen again, e.g. an alert, a test, a limit or a "
                + "runbook step");
    }
}
