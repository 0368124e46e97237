package pm.lint.rules;

import java.util.ArrayList;
import java.util.List;
import pm.language.BlameDetector;
import pm.language.Cast;
import pm.model.ActionItem;
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
                    + "was not part of the restart runbook.",
            "People who fear blame stop reporting what they saw; naming the mechanism (the tool, "
                    + "default or missing guardrail) is what finds a fix that holds.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private final BlameDetector detector;
    private final List<String> people;

    /** Also flags {@code lint.blame_phrases}; never flags a sentence holding one of {@code lint.allowed_phrases}. */
    public BlameLanguage(LintSettings settings) {
        this(settings, null);
    }

    /** With a part-of-speech tagger's proper nouns: for the experiment that measures what one would add. */
    public BlameLanguage(LintSettings settings, pm.language.ProperNouns tagger) {
        this.detector = new BlameDetector(settings.blamePhrases(), settings.allowedPhrases());
        this.people = settings.people();
        this.tagger = tagger;
    }

    private final pm.language.ProperNouns tagger;

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        Cast cast = null;
        for (ProseBlock block : pm.prose()) {
            if (cast == null) {
                cast = cast(pm);
            }
            for (BlameFinding f : detector.find(block.text(), cast)) {
                int start = block.sourceOffset(f.start());
                int end = block.sourceOffset(Math.max(f.start(), f.end() - 1)) + 1;
                if (f.certainty() == BlameFinding.Certainty.SURE) {
                    ctx.report(pm.source().span(start, end), f.message(), f.suggestion());
                } else {
                    ctx.reportLowered(pm.source().span(start, end), f.message(), f.suggestion());
                }
            }
        }
    }

    /** The file's people (authors, owners, the configured people) and programs (its services). */
    private Cast cast(Postmortem pm) {
        List<String> people = new ArrayList<>(this.people);
        people.addAll(pm.frontMatter().authors());
        for (ActionItem a : pm.frontMatter().actionItems()) {
            if (a.owner() != null) {
                people.add(a.owner());
            }
        }
        for (ActionItem a : pm.bodyActionItems()) {
            if (a.owner() != null) {
                people.add(a.owner());
            }
        }
        Cast cast = Cast.of(people, pm.frontMatter().services(), pm.source().text());
        return tagger == null ? cast : cast.withProperNouns(tagger);
    }
}
