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
}
