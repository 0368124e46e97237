package pm.lint.rules;

import java.util.List;
import pm.lint.LintContext;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.lint.Suppressions;
import pm.model.Postmortem;
import pm.parse.Schema;

/**
 * A {@code pm-disable-file} comment added to get a draft past the hook stays when the postmortem is published, and
 * keeps hiding what it hid. In a postmortem whose {@code status} is {@code published} (not a draft, in review or
 * reviewed), each switch that keeps rules off for the rest of the file — {@code pm-disable-file}, or a
 * {@code pm-disable} that no {@code pm-enable} after it switches back on — is reported at the comment, naming the
 * rules it silences. Only a comment that names this rule silences it: a blanket {@code <!-- pm-disable-file -->}
 * would otherwise hide its own report. Keeping a switch on purpose: add {@code disabled-in-published} to the comment.
 */
public final class DisabledInPublished implements Rule {
    public static final RuleMeta META = new RuleMeta("disabled-in-published",
            "A published postmortem switches no rule off for the whole file (pm-disable-file, or pm-disable with no "
                    + "pm-enable after it).",
            Severity.INFO, List.of("suppressions", "lifecycle"),
            "status: published … <!-- pm-disable-file missing-section -->",
            "status: published … (the sections filled in and the comment removed, or "
                    + "<!-- pm-disable-file missing-section disabled-in-published --> to keep it on purpose)",
            "A comment added to get a draft past the hook keeps silencing checks after publication; "
                    + "this makes sure it is removed or kept on purpose.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean silencedOnlyByName() {
        return true;
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        if (!Schema.reached(pm.frontMatter().status(), Schema.PUBLISHED)) {
            return;
        }
        for (Suppressions.FileWide s : Suppressions.fileWide(pm)) {
            if (s.rules().equals(List.of(META.id()))) {
                continue; // it switches off only this report
            }
            String silenced = s.everyRule() ? "every rule" + (s.except().isEmpty() ? ""
                    : " but " + String.join(", ", s.except())) : String.join(", ", s.rules());
            String reach = s.directive().equals("pm-disable-file") ? "" : " to the end of the file (no pm-enable "
                    + "follows)";
            ctx.report(s.span(), s.directive() + " still silences " + silenced + reach + " in this published "
                    + "postmortem: fix what it hides and remove the comment, or add " + META.id()
                    + " to it to keep it on purpose");
        }
    }
}
