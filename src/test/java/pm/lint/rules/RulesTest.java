package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.lint.LintFixture;
import pm.lint.Rule;
import pm.lint.RuleMeta;

public class RulesTest {
    /** The ids are an interface (.pm.yml, pm-disable comments, SARIF): this list changes only on purpose. */
    @Test
    void theRuleIdsAreStable() {
        List<String> ids = Rules.metas().stream().map(RuleMeta::id).toList();
        assertThat(ids).containsExactly("blame-language", "action-item-owner", "action-item-due",
                "action-item-priority", "due-date-policy", "vague-action-item", "action-items-out-of-sync",
                "missing-section", "front-matter", "timeline-order", "no-process-action", "no-secrets",
                "disabled-in-published");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void eachRuleIsMadeWithTheMetadataItIsListedWith() {
        for (Rule.Spec spec : Rules.ALL) {
            Rule rule = spec.make().apply(LintFixture.DEFAULTS);
            assertThat(rule.meta()).as(spec.meta().id()).isSameAs(spec.meta());
        }
        for (RuleMeta m : Rules.metas()) {
            assertThat(m.summary()).as(m.id()).isNotBlank().endsWith(".");
            assertThat(m.bad()).as(m.id()).isNotBlank().isNotEqualTo(m.good());
            assertThat(m.tags()).as(m.id()).isNotEmpty();
            assertThat(m.why()).as(m.id()).isNotBlank().endsWith(".").isNotEqualTo(m.summary());
            assertThat(m.docUrl()).as(m.id()).isEqualTo(RuleMeta.README_URL + "#rule-" + m.id());
        }
    }

    /**
     * The README's rule table is this table, so it cannot drift from the code. Each row holds the rule's anchor
     * ({@link RuleMeta#anchor}), which {@link RuleMeta#docUrl} links to. README text waiting to be merged into
     * README.md (a README-*.md beside it, which the merge removes) may hold the newer table meanwhile.
     */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Rule | Default | Checks | Bad | Good |\n|---|---|---|---|---|\n");
        for (RuleMeta m : Rules.metas()) {
            sb.append("| <a id=\"").append(m.anchor()).append("\"></a>");
            for (String alias : m.aliases()) { // links to a renamed rule's old anchor keep working
                sb.append("<a id=\"rule-").append(alias).append("\"></a>");
            }
            sb.append('`').append(m.id()).append("` | ").append(m.severity().id()).append(" | ")
                    .append(cell(m.summary())).append(" | ").append(code(m.bad())).append(" | ")
                    .append(code(m.good())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String code(String s) {
        return "`` " + cell(s) + " ``";
    }

    @Test
    void theReadmeDocumentsEveryRuleWithABadAndAGoodExample() throws Exception {
        List<String> docs = new java.util.ArrayList<>(List.of(Files.readString(Path.of("README.md"))));
        try (var pending = Files.newDirectoryStream(Path.of(""), "README-*.md")) {
            for (Path p : pending) {
                docs.add(Files.readString(p));
            }
        }
        assertThat(docs).anySatisfy(readme -> assertThat(readme).contains(markdownTable()));
    }

    private static RuleMeta meta(String id) {
        return Rules.metas().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theBadExamplesOfTheSingleLineRulesAreFlaggedAndTheGoodOnesAreNot() {
        String rootCause = "The archiver read credentials once at start-up, so a rotation left it failing silently.";
        RuleMeta blame = meta("blame-language");
        assertThat(LintFixture.of("blame-language", LintFixture.cleanWith(rootCause, blame.bad()))).isNotEmpty();
        assertThat(LintFixture.of("blame-language", LintFixture.cleanWith(rootCause, blame.good()))).isEmpty();
        String row = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |";
        for (String id : List.of("action-item-owner", "action-item-due", "action-item-priority", "vague-action-item")) {
            RuleMeta m = meta(id);
            assertThat(LintFixture.of(id, LintFixture.cleanWith(row, row + "\n" + m.bad()))).as(id).isNotEmpty();
            assertThat(LintFixture.of(id, LintFixture.cleanWith(row, row + "\n" + m.good()))).as(id).isEmpty();
        }
        RuleMeta policy = meta("due-date-policy");
        assertThat(policy.bad()).startsWith("date: 2025-03-14 … ");
        assertThat(LintFixture.CLEAN).contains("date: 2025-03-14\n");
        assertThat(LintFixture.of("due-date-policy", LintFixture.cleanWith(row, row + "\n"
                + policy.bad().substring(policy.bad().indexOf('|'))))).isNotEmpty();
        assertThat(LintFixture.of("due-date-policy", LintFixture.cleanWith(row, row + "\n"
                + policy.good().substring(policy.good().indexOf('|'))))).isEmpty();
        assertThat(LintFixture.of("front-matter", LintFixture.cleanWith("severity: SEV2",
                meta("front-matter").bad()))).isNotEmpty();
        RuleMeta disabled = meta("disabled-in-published");
        assertThat(LintFixture.CLEAN).contains("status: published\n");
        String bad = disabled.bad().substring(disabled.bad().indexOf("<!--"));
        assertThat(LintFixture.of("disabled-in-published", LintFixture.cleanWith(rootCause, rootCause + "\n\n" + bad)))
                .isNotEmpty();
        String good = disabled.good().substring(disabled.good().indexOf("<!--"), disabled.good().indexOf("-->") + 3);
        assertThat(LintFixture.of("disabled-in-published", LintFixture.cleanWith(rootCause, rootCause + "\n\n"
                + good))).isEmpty();
        assertThat(LintFixture.of("disabled-in-published", LintFixture.CLEAN)).isEmpty();
    }
}
