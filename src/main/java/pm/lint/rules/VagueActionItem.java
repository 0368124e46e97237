package pm.lint.rules;

import java.util.List;
import pm.language.VagueActionDetector;
import pm.language.VagueFinding;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.Postmortem;

/** "Improve monitoring" never gets closed: nobody can say when it is done. */
public final class VagueActionItem implements Rule {
    public static final RuleMeta META = new RuleMeta("vague-action-item",
            "Each action item names a concrete change with a checkable end state, not 'improve X' or "
                    + "'be more careful'.",
            Severity.WARNING, List.of("action-items", "language"),
            "| Improve monitoring | @maria | 2025-04-01 | P2 | open |",
            "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-04-01 | P2 "
                    + "| open |",
            "Nobody can tell when 'improve monitoring' is done, so it is never closed or never really "
                    + "done; a checkable end state can be verified.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private final VagueActionDetector detector = new VagueActionDetector();

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        for (ActionItem item : ActionItems.toJudge(pm, ctx)) {
            if (item.title() == null || item.title().isBlank()) {
                continue;
            }
            VagueFinding f = detector.check(item.task()).orElse(null);
            if (f != null) {
                ctx.report(item.spanOf(ActionItem.Field.TITLE), ActionItems.named(item) + ": " + f.message(),
                        f.suggestion());
            }
        }
    }
}
