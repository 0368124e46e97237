package pm.lint.rules;

import pm.language.VagueActionDetector;
import pm.language.VagueFinding;
import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;

/** "Improve monitoring" never gets closed: nobody can say when it is done. */
@RuleInfo(id = "vague-action-item", severity = Severity.WARNING, tags = {"action-items", "language"},
        summary = "Each action item names a concrete change with a checkable end state, not 'improve X' or "
                + "'be more careful'.",
        bad = "| Improve monitoring | @maria | 2025-04-01 | P2 | open |",
        good = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-04-01 | P2 "
                + "| open |")
public final class VagueActionItem implements Rule {
    private final VagueActionDetector detector = new VagueActionDetector();

    @Override
    public void check(Postmortem pm, FindingSink out) {
        for (ActionItem item : ActionItems.toCheck(pm)) {
            if (item.title() == null || item.title().isBlank()) {
                continue;
            }
            VagueFinding f = detector.check(item.title()).orElse(null);
            if (f != null) {
                out.report(ActionItems.fieldSpan(pm.frontMatter(), item, "title"), "action item "
                        + ActionItems.quote(item) + ": " + f.message(), f.suggestion());
            }
        }
    }
}
