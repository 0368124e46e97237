package pm.cli;

import java.nio.file.Path;
import pm.config.Config;
import pm.io.InputException;
import pm.lint.LintSettings;
import pm.lint.rules.Rules;
import pm.overdue.OverdueSettings;
import pm.policy.Policies;
import pm.stats.StatsSettings;

/**
 * {@code .pm.yml} read and checked whole, the same way for every command: a setting that one command would refuse
 * is refused by all of them (pm lint once accepted an {@code overdue.draft_days: -3} that pm overdue refused).
 * {@code policies:} is read with the {@code lint:} section ({@link LintSettings#policies}), once.
 */
record Settings(Config config, LintSettings lint, OverdueSettings overdue, StatsSettings stats) {

    /** Finds the config for a working directory and checks every section of it. */
    static Settings load(Path cwd) throws InputException {
        return of(Config.load(cwd));
    }

    static Settings of(Config config) throws InputException {
        LintSettings lint = LintSettings.of(config, Rules.metas());
        OverdueSettings overdue = OverdueSettings.from(config);
        StatsSettings stats = StatsSettings.from(config);
        config.people();
        pm.index.IndexSettings.from(config);
        return new Settings(config, lint, overdue, stats);
    }

    /** The follow-up policies ({@code policies:}), read once with the lint settings: the rule and pm overdue share them. */
    Policies policies() {
        return lint.policies();
    }
}
