package pm.lint.rules;

import java.util.List;
import pm.language.BlameDetector;
import pm.language.BlameFinding;
import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.Postmortem;
import pm.model.ProseBlock;

/**
 * People do not cause incidents; systems let them happen. Runs {@link BlameDetector} over the prose of
 * the body (quotations, code, link targets and HTML comments are already left out by the parser).
 */
@RuleInfo(id = "blame-language", severity = Severity.ERROR, tags = {"blameless", "language"},
        summary = "No text blames a person: fault, 'should have', 'human error', character judgments, "
                + "judgmental questions, hindsight.",
        bad = "Root cause: human error. Kevin should have checked the dashboard first.",
        good = "Root cause: the restart command gave no warning during peak traffic, and the dashboard "
                + "was not part of the restart runbook.")
public final class BlameLanguage implements Rule {
    private final BlameDetector detector;

    public BlameLanguage(List<String> extraPhrases, List<String> allowedPhrases) {
        this.detector = new BlameDetector(extraPhrases, allowedPhrases);
    }

    @Override
    public void check(Postmortem pm, FindingSink out) {
        for (ProseBlock block : pm.prose()) {
            for (BlameFinding f : detector.find(block.text())) {
                int start = block.sourceOffset(f.start());
                int end = block.sourceOffset(Math.max(f.start(), f.end() - 1)) + 1;
                out.report(pm.source().span(start, end), f.message(), f.suggestion());
            }
        }
    }
}
