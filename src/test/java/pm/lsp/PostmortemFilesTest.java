package pm.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.config.Config;

/** Which documents pm lsp lints: those pm lint lints by default. */
class PostmortemFilesTest {
    @TempDir
    Path dir;

    @Test
    void inARepositoryThePostmortemsDirIsTheOneOfItsConfig() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".pm.yml"), "postmortems_dir: docs/incidents\n");
        Files.createDirectories(dir.resolve("docs/incidents"));
        Config config = Config.load(dir.resolve("docs/incidents"));
        assertThat(LspServer.isPostmortem(config, dir.resolve("docs/incidents/2025-01-01-a.md"))).isTrue();
        assertThat(LspServer.isPostmortem(config, dir.resolve("docs/incidents/2025/2025-01-01-a.md"))).isTrue();
        assertThat(LspServer.isPostmortem(config, dir.resolve("docs/incidents/.drafts/a.md"))).as("hidden").isFalse();
        assertThat(LspServer.isPostmortem(config, dir.resolve("README.md"))).isFalse();
        assertThat(LspServer.isPostmortem(config, dir.resolve("postmortems/a.md"))).as("not the configured dir")
                .isFalse();
    }

    @Test
    void outsideARepositoryAndWithoutConfigAFolderNamedPostmortemsIsOne() throws Exception {
        Path folder = dir.resolve("notes/postmortems");
        Files.createDirectories(folder);
        Config config = Config.load(folder);
        assertThat(config.file()).isNull();
        assertThat(LspServer.isPostmortem(config, folder.resolve("2025-01-01-a.md"))).isTrue();
        assertThat(LspServer.isPostmortem(Config.load(dir.resolve("notes")), dir.resolve("notes/todo.md"))).isFalse();
    }
}
