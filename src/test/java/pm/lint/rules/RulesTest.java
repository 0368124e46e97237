package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.lint.LintFixture;
import pm.lint.LintSettings;
import pm.lint.Rule;
import pm.lint.RuleInfo;

public class RulesTest {
    /** The ids are an interface (.pm.yml, pm-disable comments, SARIF): this list changes only on purpose. */
    @Test
    void theRuleIdsAreStable() {
        assertThat(Rules.ids()).containsExactly("blame-language", "action-item-owner", "action-item-due",
                "action-item-priority", "vague-action-item", "action-items-untracked", "missing-section",
                "front-matter", "timeline-order", "no-process-action");
        assertThat(new HashSet<>(Rules.ids())).hasSameSizeAs(Rules.ids());
    }

    @Test
    void everyRuleIsCreatedOnceInDocumentationOrderWithItsMetadata() {
        List<Rule> rules = Rules.create(LintSettings.defaults());
        assertThat(rules).extracting(r -> r.info().id()).containsExactlyElementsOf(Rules.ids());
        for (RuleInfo i : Rules.infos()) {
            assertThat(i.summary()).as(i.id()).isNotBlank().endsWith(".");
            assertThat(i.bad()).as(i.id()).isNotBlank().isNotEqualTo(i.good());
            assertThat(i.tags()).as(i.id()).isNotEmpty();
        }
    }

    /** The index the build writes is what the annotations say, and the rules' metadata is read from it. */
    @Test
    void theMetadataComesFromTheBuildsIndexAndEqualsTheAnnotations() {
        List<RuleInfo> indexed = RuleIndex.load(Rules.CLASSES);
        assertThat(indexed).as("target/classes holds " + RuleIndex.RESOURCE).isNotNull().hasSameSizeAs(Rules.CLASSES);
        for (int k = 0; k < Rules.CLASSES.size(); k++) {
            RuleInfo a = Rules.CLASSES.get(k).getAnnotation(RuleInfo.class);
            RuleInfo i = indexed.get(k);
            assertThat(i.id()).isEqualTo(a.id());
            assertThat(i.summary()).isEqualTo(a.summary());
            assertThat(i.severity()).isEqualTo(a.severity());
            assertThat(i.tags()).containsExactly(a.tags());
            assertThat(i.bad()).isEqualTo(a.bad());
            assertThat(i.good()).isEqualTo(a.good());
            assertThat(i.annotationType()).isEqualTo(RuleInfo.class);
        }
        assertThat(Rules.infos()).allMatch(i -> i instanceof RuleIndex.Indexed);
        assertThat(Rules.create(LintSettings.defaults())).allMatch(r -> r.info() instanceof RuleIndex.Indexed);
        assertThat(RuleIndex.load(Rules.CLASSES.subList(1, Rules.CLASSES.size()))).as("another list of rules")
                .isNull();
    }

    /** The README's rule table is this table, so it cannot drift from the code. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Rule | Default | Checks | Bad | Good |\n|---|---|---|---|---|\n");
        for (RuleInfo i : Rules.infos()) {
            sb.append("| `").append(i.id()).append("` | ").append(i.severity().id()).append(" | ")
                    .append(cell(i.summary())).append(" | ").append(code(i.bad())).append(" | ")
                    .append(code(i.good())).append(" |\n");
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
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains(markdownTable());
    }

    @Test
    void theBadExamplesOfTheSingleLineRulesAreFlaggedAndTheGoodOnesAreNot() {
        String rootCause = "The archiver read credentials once at start-up, so a rotation left it failing silently.";
        RuleInfo blame = Rules.info("blame-language").orElseThrow();
        assertThat(LintFixture.of("blame-language", LintFixture.cleanWith(rootCause, blame.bad()))).isNotEmpty();
        assertThat(LintFixture.of("blame-language", LintFixture.cleanWith(rootCause, blame.good()))).isEmpty();
        String row = "| Alert when the pg_wal volume passes 80% on every Postgres primary | @maria | 2025-03-28 | P1 | open |";
        for (String id : List.of("action-item-owner", "action-item-due", "action-item-priority", "vague-action-item")) {
            RuleInfo info = Rules.info(id).orElseThrow();
            assertThat(LintFixture.of(id, LintFixture.cleanWith(row, row + "\n" + info.bad()))).as(id).isNotEmpty();
            assertThat(LintFixture.of(id, LintFixture.cleanWith(row, row + "\n" + info.good()))).as(id).isEmpty();
        }
        assertThat(LintFixture.of("front-matter", LintFixture.cleanWith("severity: SEV2",
                Rules.info("front-matter").orElseThrow().bad()))).isNotEmpty();
    }
}
