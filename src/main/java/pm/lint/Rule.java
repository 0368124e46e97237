package pm.lint;

import java.util.function.Function;
import pm.model.Postmortem;

/**
 * One check over a parsed postmortem. A rule holds its {@link RuleMeta}, reads only the model, keeps no state
 * between files (one instance checks every file, on any thread) and reports through the per-file
 * {@link LintContext} the engine gives it.
 */
public interface Rule {
    RuleMeta meta();

    void check(Postmortem pm, LintContext ctx);

    /**
     * Whether only a {@code pm-disable…} comment that names this rule silences it, not one without ids: for a rule
     * that reports the comments themselves, which a blanket {@code <!-- pm-disable-file -->} would otherwise hide.
     */
    default boolean silencedOnlyByName() {
        return false;
    }

    /**
     * A rule as a rule set lists it: what it is, and how to make it for a configuration.
     *
     * @param make builds the rule; the rule it builds holds {@code meta}
     */
    record Spec(RuleMeta meta, Function<LintSettings, Rule> make) {
    }
}
