package pm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;
import pm.io.InputException;
import pm.lint.rules.Rules;
import pm.model.SectionKind;

class LintSettingsTest {
    @TempDir
    Path dir;

    private LintSettings read(String yaml) throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), yaml);
        return LintSettings.of(Config.load(dir), Rules.metas());
    }

    /** The error's message and line, as "message @line". */
    private String error(String yaml) {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> read(yaml));
        return e.getMessage() + " @" + e.line();
    }

    @Test
    void withoutALintSectionEveryRuleRunsAtItsDefaultSeverity() throws Exception {
        LintSettings s = read("postmortems_dir: pms\n");
        assertThat(s.severities()).containsEntry("blame-language", Severity.ERROR)
                .containsEntry("timeline-order", Severity.WARNING).containsEntry("due-date-policy", Severity.WARNING)
                .containsEntry("disabled-in-published", Severity.INFO).hasSize(13);
        assertThat(s.requiredSections()).containsExactly(SectionKind.values());
        assertThat(s.ownerPlaceholders()).contains("tbd", "?", "none", "n/a", "the team", "everyone");
    }

    @Test
    void readsEveryKey() throws Exception {
        LintSettings s = read("""
                severities: [P1, P2]
                lint:
                  rules:
                    timeline-order: off
                    vague-action-item: error
                    blame-language: info
                  blame_phrases: [dropped the ball]
                  allowed_phrases: [blameless]
                  owner_placeholders: [TBD, nobody]
                  required_sections: [Summary, Impact, root causes]
                """);
        assertThat(s.severities()).doesNotContainKey("timeline-order").containsEntry("vague-action-item", Severity.ERROR)
                .containsEntry("blame-language", Severity.INFO);
        assertThat(s.blamePhrases()).containsExactly("dropped the ball");
        assertThat(s.allowedPhrases()).containsExactly("blameless");
        assertThat(s.ownerPlaceholders()).containsExactly("TBD", "nobody");
        assertThat(s.requiredSections()).containsExactly(SectionKind.SUMMARY, SectionKind.IMPACT, SectionKind.ROOT_CAUSE);
        assertThat(s.severityValues()).containsExactly("P1", "P2");
    }

    @Test
    void mistakesNameTheLineAndWhatToWrite() {
        assertThat(error("lint:\n  rules:\n    blame-langauge: off\n")).startsWith("unknown rule 'blame-langauge' in "
                + "lint.rules; rules: blame-language, action-item-owner").endsWith("@3");
        assertThat(error("lint:\n  rules:\n    timeline-order: fatal\n")).isEqualTo("lint.rules.timeline-order: "
                + "'fatal' is not a severity; use error, warning, info or off @3");
        assertThat(error("lint:\n  colour: true\n")).startsWith("unknown setting 'lint.colour'").endsWith("@2");
        assertThat(error("lint:\n  required_sections: [Summary, Postscript]\n")).startsWith("lint.required_sections: "
                + "'Postscript' is not one of the eight sections").endsWith("@2");
        assertThat(error("lint:\n  rules: [a]\n")).startsWith("lint.rules must map rule ids").endsWith("@2");
        assertThat(error("lint: 3\n")).isEqualTo("lint must be a group of settings @1");
    }

    @Test
    void sectionSynonymsNameOneOfTheEightAndEveryCommandReadsThem() throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), """
                lint:
                  section_synonyms:
                    Action items: [Follow-through, Things we will change]
                    impact: Blast radius
                """);
        pm.parse.Schema schema = Config.load(dir).schema();
        assertThat(schema.headings().kindOf("4. Follow-through")).contains(SectionKind.ACTION_ITEMS);
        assertThat(schema.headings().kindOf("Blast radius")).contains(SectionKind.IMPACT);
        pm.model.Postmortem parsed = new pm.parse.PostmortemParser(schema).parse(dir.resolve("x.md"),
                pm.model.SourceText.of("# Outage\n\n## Follow-through\n\n- Add a disk alert at 85% @maria\n"));
        assertThat(parsed.bodyActionItems()).extracting(pm.model.ActionItem::owner).containsExactly("@maria");
        assertThat(error("lint:\n  section_synonyms:\n    Postscript: [PS]\n")).startsWith("lint.section_synonyms: "
                + "'Postscript' is not one of the eight sections (Summary, Timeline,").endsWith("@3");
        assertThat(error("lint:\n  section_synonyms: [PS]\n")).startsWith("lint.section_synonyms must map a section")
                .endsWith("@2");
    }

    @Test
    void theCommentedLintBlockInTheInitConfigIsValidWhenUncommented() throws Exception {
        String init;
        try (var in = LintSettingsTest.class.getResourceAsStream("/pm/init.pm.yml")) {
            init = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String block = init.substring(init.indexOf("# lint:"));
        block = block.substring(0, block.indexOf("\n\n")); // up to the next blank line
        String yaml = block.lines().map(l -> l.startsWith("# ") ? l.substring(2) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        LintSettings s = read(yaml);
        assertThat(s).isEqualTo(LintFixture.DEFAULTS);
    }
}
