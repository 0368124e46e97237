package pm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.Cli;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainingRunsQuietlyAndWritesNothing() throws Exception {
        Cli.Result r = Cli.in(dir).run("__train");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void trainingIsHiddenFromHelpAndCompletion() {
        assertThat(Cli.in(dir).run("--help").out()).doesNotContain("__train");
        assertThat(Cli.in(dir).run("completion").out()).doesNotContain("__train");
    }
}
