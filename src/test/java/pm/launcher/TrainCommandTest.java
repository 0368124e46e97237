package pm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.cli.Context;
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
    void trainingReadsAGitRepositoryInATemporaryFolderAndDeletesIt(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        Context quiet = new Context(dir, Clock.systemUTC(), Map.of(), new PrintWriter(out), new PrintWriter(out));

        assertThat(TrainCommand.overdueInGit(tmp, quiet)).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("Follow-ups as of 2025-06-01");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void trainingSkipsTheRepositoryWhenNoFolderCanBeMade() {
        Context quiet = new Context(dir, Clock.systemUTC(), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        assertThat(TrainCommand.overdueInGit(dir.resolve("missing/parent"), quiet)).isFalse();
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void trainingIsHiddenFromHelpAndCompletion() {
        assertThat(Cli.in(dir).run("--help").out()).doesNotContain("__train");
        assertThat(Cli.in(dir).run("completion").out()).doesNotContain("__train");
    }
}
