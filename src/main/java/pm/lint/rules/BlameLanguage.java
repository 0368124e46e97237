package pm.lint.rules;

import java.util.List;
import pm.language.BlameDetector;
import pm.language.BlameFinding;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.Postmortem;
import pm.model.ProseBlock;

/**
 * People do not cause incidents; systems let them happen. Runs {@link BlameDetector} over the prose of
 * the body (quotations, code, link targets and HTML comments are already left out by the parser).
 */
public final class BlameLanguage implements Rule {
    public static final RuleMeta META = new RuleMeta("blame-language",
            "No text blames a person: fault, 'should have', 'human error', character judgments, "
                    + "judgmental questions, hindsight.",
            Severity.ERROR, List.of("blameless", "language"),
            "Root cause: human error. Kevin should have checked the dashboard first.",
            "Root cause: the restart command gave no warning during peak traffic, and the dashboard "
                    + "was not part of the restart runbook.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private final BlameDetector detector;

    /** Also flags {@code lint.blame_phrases}; never flags a sentence holding one of {@code lint.allowed_phrases}. */
    public BlameLanguage(LintSettings settings) {
        this.detector = new BlameDetector(settings.blamePhrases(), settings.allowedPhrases());
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        for (ProseBlock block : pm.prose()) {
            for (BlameFinding f : detector.find(block.text())) {
                int start = block.sourceOffset(f.start());
                int end = block.sourceOffset(Math.max(f.start(), f.end() - 1)) + 1;
                ctx.report(pm.source().span(start, end), f.message(), f.suggestion());
            }
        }
    }
}
