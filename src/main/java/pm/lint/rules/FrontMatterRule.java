package pm.lint.rules;

import java.util.List;
import pm.lint.LintContext;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleMeta;
import pm.lint.Severity;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.model.Problem;
import pm.model.Span;

/**
 * The front matter is what tools read: YAML that parses, values of the right type and vocabulary, real
 * dates in order, and the fields every postmortem needs (title, date, severity).
 */
public final class FrontMatterRule implements Rule {
    public static final RuleMeta META = new RuleMeta("front-matter",
            "The YAML front matter exists, parses, and has valid title, date, severity, status and "
                    + "incident times.",
            Severity.ERROR, List.of("front-matter"),
            "severity: critical",
            "severity: SEV2",
            "pm overdue, the reports and every other tool read the front matter: a wrong or missing "
                    + "field there silently drops the postmortem from them.");

    @Override
    public RuleMeta meta() {
        return META;
    }

    private static final List<String> REQUIRED = List.of("title", "date", "severity");

    private final List<String> severities;

    /** Names the configured incident severities ({@code severities} in .pm.yml) in its messages. */
    public FrontMatterRule(LintSettings settings) {
        this.severities = settings.severityValues();
    }

    @Override
    public void check(Postmortem pm, LintContext ctx) {
        FrontMatter fm = pm.frontMatter();
        for (Problem p : fm.problems()) {
            if (p.subject() == Problem.Subject.FRONT_MATTER) { // an item's due date and priority: their own rules
                ctx.reportFirm(p.span(), p.message()); // written wrong: an error in a draft too
            }
        }
        if (!fm.present() || !fm.readable()) {
            return;
        }
        for (String key : REQUIRED) {
            FrontMatter.Key k = fm.key(key).orElse(null);
            if (k == null) {
                ctx.report(Span.at(fm.span().line(), 1), "front matter has no " + key + ": add " + example(key));
            } else if (k.empty()) {
                ctx.report(k.span(), key + " is empty: write " + example(key));
            }
        }
    }

    private String example(String key) {
        return switch (key) {
            case "title" -> "'title: <what broke, in a few words>'";
            case "date" -> "'date: YYYY-MM-DD' (the day of the incident)";
            default -> "'severity: <one of " + String.join(", ", severities) + ">'";
        };
    }
}
