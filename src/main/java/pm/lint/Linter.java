package pm.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pm.model.Postmortem;

/**
 * Runs the enabled rules over one parsed postmortem, applies the configured severities and the
 * file's {@code pm-disable} comments, and returns the findings in file order. One instance lints
 * any number of files; it keeps nothing from one file to the next.
 */
public final class Linter {
    /**
     * By line, then column, then rule id. Written out rather than built with Comparator.comparingInt and
     * thenComparing, whose lambdas live in java.util.Comparator and so are made afresh at every start: a
     * class-data archive keeps only the lambdas of pm's own classes.
     */
    private static final Comparator<Finding> ORDER = (a, b) -> {
        int c = Integer.compare(a.line(), b.line());
        if (c == 0) {
            c = Integer.compare(a.column(), b.column());
        }
        return c != 0 ? c : a.rule().compareTo(b.rule());
    };

    private record Enabled(Rule rule, String id, Severity severity) {
    }

    private final List<Enabled> rules;
    private final Map<String, Severity> drafts;
    private final boolean strict;
    /** The enabled rules that only a {@code pm-disable} comment naming them silences. */
    private final Set<String> namedOnly;
    /** Old rule ids ({@link RuleMeta#aliases}) and the ids they stand for, for pm-disable comments. */
    private final Map<String, String> aliases;

    /** Makes the rules of {@code rules} that {@code settings} turn on, configured by them. */
    public Linter(LintSettings settings, List<Rule.Spec> rules) {
        this(settings, rules, false);
    }

    /**
     * @param strict lint every file as if it were in review: no rule is relaxed for drafts ({@code pm lint --strict})
     */
    public Linter(LintSettings settings, List<Rule.Spec> rules, boolean strict) {
        this.drafts = settings.drafts();
        this.strict = strict;
        List<Enabled> enabled = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Map<String, String> aliasIds = new java.util.HashMap<>();
        for (Rule.Spec spec : rules) {
            String id = spec.meta().id();
            for (String alias : spec.meta().aliases()) {
                aliasIds.put(alias, id);
            }
            Severity severity = settings.severities().get(id);
            if (severity != null) {
                Rule rule = spec.make().apply(settings);
                if (rule.meta() != spec.meta()) {
                    throw new IllegalStateException("the rule made for " + id + " holds another rule's metadata");
                }
                enabled.add(new Enabled(rule, id, severity));
                if (rule.silencedOnlyByName()) {
                    named.add(id);
                }
            }
        }
        this.rules = List.copyOf(enabled);
        this.namedOnly = Set.copyOf(named);
        this.aliases = Map.copyOf(aliasIds);
    }

    /** A rule threw on a file: a bug in pm, reported with the rule and the file so it can be reproduced. */
    public static final class RuleFailure extends RuntimeException {
        public RuleFailure(String rule, String file, RuntimeException cause) {
            super("rule " + rule + " failed on " + file + ": " + cause, cause);
        }
    }

    /** @param file the file as it should appear in findings */
    public List<Finding> lint(Postmortem pm, String file) {
        List<Finding> found = new ArrayList<>();
        LintContext ctx = new LintContext(pm, file, found);
        for (Enabled e : rules) {
            ctx.switchTo(e.id(), e.severity());
            try {
                e.rule().check(pm, ctx);
            } catch (RuntimeException ex) {
                throw new RuleFailure(e.id(), file, ex);
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        Suppressions suppressions = Suppressions.of(pm, namedOnly, aliases);
        found.removeIf(suppressions::suppresses);
        if (isDraft(pm)) {
            relax(found);
        }
        found.sort(ORDER);
        return found;
    }

    /**
     * Whether the postmortem is linted as a draft: its status is {@code draft} and the run is not strict. A draft
     * may be unfinished, so the rules about completeness report at most at their draft level
     * ({@link LintSettings#drafts}); what is written wrong, and blame, keep their severity.
     */
    public boolean isDraft(Postmortem pm) {
        return !strict && !drafts.isEmpty() && "draft".equalsIgnoreCase(pm.frontMatter().status());
    }

    private void relax(List<Finding> found) {
        for (int i = found.size() - 1; i >= 0; i--) {
            Finding f = found.get(i);
            if (f.firm() || !drafts.containsKey(f.rule())) {
                continue;
            }
            Severity level = drafts.get(f.rule());
            if (level == null) {
                found.remove(i); // off while a draft
            } else if (level.compareTo(f.severity()) > 0) {
                found.set(i, f.relaxedTo(level));
            }
        }
    }
}
