package pm.lint.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pm.lint.FindingSink;
import pm.lint.Rule;
import pm.lint.RuleInfo;
import pm.lint.Severity;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.Postmortem;
import pm.model.Problem;
import pm.model.Span;
import pm.yaml.YamlNode;

/**
 * The front matter is what tools read: YAML that parses, values of the right type and vocabulary, real
 * dates in order, and the fields every postmortem needs (title, date, severity).
 */
@RuleInfo(id = "front-matter", severity = Severity.ERROR, tags = {"front-matter"},
        summary = "The YAML front matter exists, parses, and has valid title, date, severity, status and "
                + "incident times.",
        bad = "severity: critical",
        good = "severity: SEV2")
public final class FrontMatterRule implements Rule {
    private static final List<String> REQUIRED = List.of("title", "date", "severity");

    private final List<String> severities;

    /** @param severities the configured incident severities, for messages */
    public FrontMatterRule(List<String> severities) {
        this.severities = List.copyOf(severities);
    }

    @Override
    public void check(Postmortem pm, FindingSink out) {
        FrontMatter fm = pm.frontMatter();
        Set<Long> ownedByOtherRules = actionItemFieldPositions(fm);
        for (Problem p : fm.problems()) {
            if (!ownedByOtherRules.contains(position(p.span().line(), p.span().column()))) {
                out.report(p.span(), p.message());
            }
        }
        if (!fm.present() || !fm.readable() || fm.raw() == null) {
            return;
        }
        for (String key : REQUIRED) {
            YamlNode.Entry e = fm.raw().entry(key);
            if (e == null) {
                out.report(Span.at(fm.span().line(), 1), "front matter has no " + key + ": add " + example(key));
            } else if (e.value() == null || e.value() instanceof YamlNode.Scalar s
                    && (s.isNull() || s.text().isBlank())) {
                out.report(Span.at(e.keyLine(), e.keyColumn()), key + " is empty: write " + example(key));
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

    /** Due dates and priorities of action items are reported by their own rules, with the item's title. */
    private static Set<Long> actionItemFieldPositions(FrontMatter fm) {
        Set<Long> out = new HashSet<>();
        for (ActionItem item : fm.actionItems()) {
            YamlNode.Mapping m = ActionItems.yaml(fm, item);
            if (m == null) {
                continue;
            }
            for (String field : List.of("due", "priority")) {
                YamlNode v = m.get(field);
                if (v != null) {
                    out.add(position(v.line(), v.column()));
                }
            }
        }
        return out;
    }

    private static long position(int line, int column) {
        return (long) line << 32 | column;
    }
}
