package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.RuleMeta;
import pm.lint.rules.Rules;
import pm.testing.Cli;

/** {@code pm lint --list-rules} and {@code pm lint --explain RULE}, read from each rule's {@link RuleMeta}. */
class RuleDocsTest {
    @TempDir
    Path dir;

    @Test
    void listRulesPrintsOneAlignedLinePerRuleWithIdSeverityTagsAndSummary() {
        Cli.Result r = Cli.in(dir).run("lint", "--list-rules");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        List<RuleMeta> rules = Rules.metas();
        assertThat(lines).hasSize(rules.size());
        int summaryColumn = lines.get(0).indexOf(rules.get(0).summary());
        for (int i = 0; i < rules.size(); i++) {
            RuleMeta m = rules.get(i);
            String line = lines.get(i);
            assertThat(line).startsWith(m.id() + " ").endsWith(m.summary())
                    .contains(" " + m.severity().id() + " ").contains(" " + String.join(",", m.tags()) + " ");
            assertThat(line.indexOf(m.summary())).as("aligned: %s", line).isEqualTo(summaryColumn);
            assertThat(line.indexOf(" " + m.severity().id() + " ") + 1).as("aligned: %s", line)
                    .isEqualTo(lines.get(0).indexOf(" " + rules.get(0).severity().id() + " ") + 1);
        }
        // the id column is as wide as the longest id (action-items-out-of-sync) and two spaces
        assertThat(r.out()).contains("blame-language            error    blameless,language");
    }

    @Test
    void explainPrintsSummaryWhyExamplesConfigurationSilencingAndTheReadmeAnchor() {
        for (RuleMeta m : Rules.metas()) {
            Cli.Result r = Cli.in(dir).run("lint", "--explain", m.id());
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith(m.id() + " (default: " + m.severity().id() + "; tags: ")
                    .contains("\n  " + m.summary() + "\n").contains("\nWhy: " + m.why() + "\n")
                    .contains("\nBad:\n  " + m.bad() + "\nGood:\n  " + m.good() + "\n")
                    .contains("\n  lint:\n    rules:\n      " + m.id() + ": ")
                    .contains("\n  <!-- pm-disable-next-line " + m.id() + " -->\n")
                    .endsWith("\nDocs: " + m.docUrl() + "\n");
        }
        assertThat(RuleMeta.README_URL).startsWith("https://").endsWith("/README.md");
        assertThat(Cli.in(dir).run("lint", "--explain", "Blame-Language").code()).as("case is ignored").isZero();
    }

    @Test
    void anUnknownRuleExitsTwoWithOneLineNamingTheClosestIds() {
        Cli.Result typo = Cli.in(dir).run("lint", "--explain", "blame-langauge");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).isEqualTo("pm lint: no rule 'blame-langauge'; closest: blame-language, "
                + "timeline-order, front-matter (pm lint --list-rules lists them all)\n");
        Cli.Result part = Cli.in(dir).run("lint", "--explain", "action");
        assertThat(part.err()).isEqualTo("pm lint: no rule 'action'; closest: action-item-owner, action-item-due, "
                + "action-item-priority (pm lint --list-rules lists them all)\n");
        assertThat(Cli.in(dir).run("lint", "--explain", "secret").err()).startsWith(
                "pm lint: no rule 'secret'; closest: no-secrets (pm");
    }

    @Test
    void listRulesAndExplainLintNothingSoPathsAndOtherModesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"lint", "--list-rules", "a.md"},
                new String[] {"lint", "--explain", "no-secrets", "--staged"},
                new String[] {"lint", "--list-rules", "--explain", "no-secrets"})) {
            Cli.Result r = Cli.in(dir).run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().lines()).as(r.toString()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void closestRanksContainingIdsFirstThenFewestEdits() {
        assertThat(RuleDocs.distance("secrets", "no-secrets")).isZero();
        assertThat(RuleDocs.distance("timeline-ordr", "timeline-order")).isEqualTo(1);
        assertThat(RuleDocs.closest(Rules.metas(), "duedate-policy")).first().isEqualTo("due-date-policy");
    }
}
