package pm.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;

class OverdueSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutAnOverdueSectionTheDefaultsApply() throws Exception {
        assertThat(OverdueSettings.from(Config.defaults(dir))).isEqualTo(new OverdueSettings(2, 3, 7, 30));
        Files.writeString(dir.resolve(".pm.yml"), "overdue:\n");
        assertThat(OverdueSettings.from(Config.read(dir.resolve(".pm.yml")))).isEqualTo(OverdueSettings.DEFAULTS);
    }

    @Test
    void theCommentedInitFileShowsTheDefaults() throws Exception {
        try (InputStream in = OverdueSettingsTest.class.getResourceAsStream("/pm/init.pm.yml")) {
            Files.write(dir.resolve(".pm.yml"), in.readAllBytes());
        }
        assertThat(OverdueSettings.from(Config.read(dir.resolve(".pm.yml")))).isEqualTo(OverdueSettings.DEFAULTS);
    }

    @Test
    void eachKeyCanBeSetAlone() throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), "overdue:\n  publish_days: 0\n  follow_up_days: 45\n");
        assertThat(OverdueSettings.from(Config.read(dir.resolve(".pm.yml"))))
                .isEqualTo(new OverdueSettings(2, 3, 0, 45));
    }

    private OverdueSettings read(String yaml) throws Exception {
        Files.writeString(dir.resolve(".pm.yml"), yaml);
        return OverdueSettings.from(Config.read(dir.resolve(".pm.yml")));
    }

    private String error(String yaml) {
        pm.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(pm.io.InputException.class,
                () -> read(yaml));
        return e.line() + ": " + e.getMessage();
    }

    @Test
    void aSeverityMayHaveDeadlinesOfItsOwnAndTakesTheOthersFromAbove() throws Exception {
        OverdueSettings s = read("""
                overdue:
                  publish_days: 10
                  by_severity:
                    sev1: {review_days: 2, publish_days: 3}
                    SEV2:
                      follow_up_days: 21
                """);
        assertThat(s.forSeverity("SEV1")).isEqualTo(new OverdueSettings(2, 2, 3, 30));
        assertThat(s.forSeverity("SEV2")).isEqualTo(new OverdueSettings(2, 3, 10, 21));
        assertThat(s.forSeverity("SEV3")).isSameAs(s);
        assertThat(s.forSeverity(null)).isSameAs(s);
        assertThat(new OverdueSettings(2, 3, 10, 30, s.bySeverity())).isEqualTo(s);
    }

    @Test
    void theCommentedSeverityExampleInTheInitFileIsValidWhenUncommented() throws Exception {
        String init;
        try (InputStream in = OverdueSettingsTest.class.getResourceAsStream("/pm/init.pm.yml")) {
            init = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String uncommented = init.replace("  # by_severity:", "  by_severity:").replace("  #   SEV1:", "    SEV1:");
        assertThat(uncommented).isNotEqualTo(init);
        assertThat(read(uncommented).forSeverity("SEV1")).isEqualTo(new OverdueSettings(1, 2, 3, 14));
    }

    @Test
    void badSeverityDeadlinesAreOneLineNamingTheLine() {
        assertThat(error("overdue:\n  by_severity:\n    SEV9: {publish_days: 3}\n")).isEqualTo("3: "
                + "overdue.by_severity: 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4 (the severities setting)");
        assertThat(error("overdue:\n  by_severity:\n    SEV1: {publish_days: -3}\n")).isEqualTo("3: "
                + "overdue.by_severity.SEV1.publish_days must be a whole number of days from 0 to 3650, not '-3' "
                + "(default 7)");
        assertThat(error("overdue:\n  by_severity:\n    SEV1: {publish_dayz: 3}\n")).isEqualTo("3: unknown "
                + "setting 'overdue.by_severity.SEV1.publish_dayz'; known: draft_days, review_days, publish_days, "
                + "follow_up_days");
        assertThat(error("overdue:\n  by_severity:\n    SEV1: 3\n")).isEqualTo("3: overdue.by_severity.SEV1 must "
                + "be deadlines (draft_days, review_days, publish_days, follow_up_days), e.g. 'SEV1: {publish_days: "
                + "3}'");
        assertThat(error("overdue:\n  by_severity: [SEV1]\n")).isEqualTo("2: overdue.by_severity must map a "
                + "severity to its own deadlines, e.g. 'SEV1: {publish_days: 3}'");
        assertThat(error("overdue:\n  by_severity:\n    SEV1: {publish_days: 3}\n    sev1: {review_days: 2}\n"))
                .isEqualTo("4: overdue.by_severity: 'sev1' is SEV1 again (first on line 3); write each severity once");
    }
}
