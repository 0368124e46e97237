package pm.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.TempGit;

/**
 * Reading what is staged or tracked never looks for the system-wide git config (JGit runs git to find it);
 * {@code pm hook install} still reads it, for a {@code core.hooksPath} set there.
 */
class SystemConfigTest {
    @TempDir
    Path repo;

    private SystemReader before;
    private final AtomicInteger systemConfigOpened = new AtomicInteger();

    @BeforeEach
    void recordingReader() throws Exception {
        try (Git git = TempGit.init(repo, "Ada")) {
            Files.createDirectories(repo.resolve("postmortems"));
            Files.writeString(repo.resolve("postmortems/a.md"), "# a\n");
            git.add().addFilepattern("postmortems").call();
        }
        before = SystemReader.getInstance();
        Path system = repo.resolve("system.gitconfig");
        Files.writeString(system, "[core]\n\thooksPath = from-system-config\n");
        SystemReader.setInstance(new SystemReader.Delegate(before) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                systemConfigOpened.incrementAndGet();
                return new FileBasedConfig(parent, system.toFile(), fs);
            }
        });
    }

    @AfterEach
    void restore() {
        SystemReader.setInstance(before);
    }

    @Test
    void stagedFilesAreReadWithoutTheSystemConfig() throws Exception {
        try (StagedFiles staged = StagedFiles.list(repo, Map.of(), List.of())) {
            assertThat(staged.files()).singleElement().satisfies(e -> assertThat(staged.read(e)).isNotEmpty());
        }
        assertThat(systemConfigOpened).hasValue(0);
    }

    @Test
    void trackedFilesAreListedWithoutTheSystemConfig() throws Exception {
        try (TrackedFiles files = TrackedFiles.find(repo)) {
            assertThat(files.index("postmortems", ".md")).hasSize(1);
        }
        assertThat(systemConfigOpened).hasValue(0);
    }

    @Test
    void hookInstallStillReadsTheSystemConfig() throws Exception {
        assertThat(Hooks.directory(repo, Map.of())).isEqualTo(repo.resolve("from-system-config"));
        assertThat(systemConfigOpened).hasPositiveValue();
    }
}
