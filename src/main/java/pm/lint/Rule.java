package pm.lint;

import pm.model.Postmortem;

/**
 * One check over a parsed postmortem. Implementations carry {@link RuleInfo}, keep no state between
 * files (one instance checks every file) and report through the {@link FindingSink} they are given.
 */
public interface Rule {
    void check(Postmortem pm, FindingSink out);

    default RuleInfo info() {
        RuleInfo indexed = pm.lint.rules.Rules.infoOf(getClass()); // a built-in rule: no annotation read
        if (indexed != null) {
            return indexed;
        }
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
        }
        return info;
    }
}
