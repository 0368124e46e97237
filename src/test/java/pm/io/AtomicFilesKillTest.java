package pm.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pm.lint.LintFixture;
import pm.testing.Cli;
import pm.testing.Jvm;

/**
 * A pm process killed (SIGKILL: no clean-up of its own runs) while {@code pm lint --fix} writes a file leaves the
 * file as it was or as fixed, never half of it; the hidden temporary file it leaves is removed by the next write
 * into that folder, and a live writer's is never touched. The processes are real ones ({@link FixUntilKilled}),
 * killed at many points of their writes.
 */
class AtomicFilesKillTest {
    /** The clean postmortem with a second front-matter item its table lacks, and a log pasted in: ~250 KB to write. */
    private static final String BEHIND = LintFixture.CLEAN
            .replace("    status: open\n", "    status: open\n  - title: Move WAL archiving retries behind a circuit "
                    + "breaker\n    owner: \"@sam\"\n    due: 2025-04-11\n    priority: P2\n")
            .replace("## Lessons learned", "```\n" + "2025-03-14T09:12:00.123Z ERROR payments-api: connection to "
                    + "db-1 refused\n".repeat(3500) + "```\n\n## Lessons learned");

    /** Kills in folders of their own, side by side: 20 kills in the time of 5. */
    private static final int FOLDERS = 4;
    private static final int KILLS_PER_FOLDER = 5;

    @TempDir
    Path root;

    /** pm's hidden temporary files in {@code dir}. */
    private static List<String> temporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> AtomicFiles.TEMPORARY.matcher(n).matches()).sorted().toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts {@link FixUntilKilled} in {@code dir} and waits for its first line. */
    private static Process start(Path dir, String mode, String[] firstLine) throws IOException {
        Process p = Jvm.start(dir, FixUntilKilled.class, mode);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("the pm process ended before it was ready:\n" + err);
        }
        firstLine[0] = line;
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** What the kills in one folder saw: how often the file was old, new, and a temporary file was left. */
    private record Seen(int old, int fixed, int leftBehind) {
    }

    /**
     * Kills pm in {@code dir} {@link #KILLS_PER_FOLDER} times, each at another point of a round (a round writes the
     * file twice); after each kill the file must be the old or the fixed bytes, and once the next pm has written
     * there, the temporaries the killed one left must be gone.
     */
    private static Seen killRepeatedly(Path dir, int folder, byte[] old, byte[] fixed) throws Exception {
        Path postmortems = dir.resolve("postmortems");
        int olds = 0;
        int fixes = 0;
        int left = 0;
        List<String> stale = List.of();
        for (int k = 0; k < KILLS_PER_FOLDER; k++) {
            String[] ready = new String[1];
            Process p = start(dir, "fix", ready);
            try {
                // it has written here four times: nothing the pm killed before left is still here
                for (String name : stale) {
                    assertThat(postmortems.resolve(name)).as("left by the pm killed before").doesNotExist();
                }
                long round = Long.parseLong(ready[0].substring("ready ".length()));
                int slot = k * FOLDERS + folder; // 0 .. FOLDERS * KILLS_PER_FOLDER - 1, spread over a round
                long delayMicros = round * 1000 * slot / (FOLDERS * KILLS_PER_FOLDER);
                TimeUnit.MICROSECONDS.sleep(delayMicros);
            } finally {
                kill(p);
            }
            byte[] now = Files.readAllBytes(postmortems.resolve("a.md"));
            if (Arrays.equals(now, old)) {
                olds++;
            } else {
                assertThat(now).as("neither the old nor the fixed file after kill " + k + " in folder " + folder)
                        .isEqualTo(fixed);
                fixes++;
            }
            stale = temporaries(postmortems);
            left += stale.isEmpty() ? 0 : 1;
        }
        return new Seen(olds, fixes, left);
    }

    @Test
    @Timeout(180)
    void aFixKilledAtAnyPointLeavesTheOldOrTheFixedFileAndTheNextWriteRemovesWhatItLeft() throws Exception {
        byte[] old = BEHIND.getBytes(StandardCharsets.UTF_8);
        // the fixed bytes, as pm lint --fix writes them
        Path sample = Files.createDirectories(root.resolve("sample/postmortems")).resolve("a.md");
        Files.write(sample, old);
        assertThat(Cli.in(root.resolve("sample")).run("lint", "--fix").err()).contains("rewrote");
        byte[] fixed = Files.readAllBytes(sample);
        assertThat(fixed).isNotEqualTo(old);

        List<Path> dirs = new ArrayList<>();
        for (int f = 0; f < FOLDERS; f++) {
            Path dir = Files.createDirectories(root.resolve("f" + f + "/postmortems")).getParent();
            Files.write(dir.resolve("old.md"), old);
            Files.write(dir.resolve("postmortems/a.md"), old);
            dirs.add(dir);
        }
        ExecutorService pool = Executors.newFixedThreadPool(FOLDERS);
        List<Seen> seen = new ArrayList<>();
        try {
            List<Future<Seen>> runs = new ArrayList<>();
            for (int f = 0; f < FOLDERS; f++) {
                int folder = f;
                runs.add(pool.submit(() -> killRepeatedly(dirs.get(folder), folder, old, fixed)));
            }
            for (Future<Seen> r : runs) {
                seen.add(r.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // the kills fell before, during and after writes: both files were seen, and some kills left a temporary
        assertThat(seen.stream().mapToInt(Seen::old).sum()).as(seen.toString()).isPositive();
        assertThat(seen.stream().mapToInt(Seen::fixed).sum()).as(seen.toString()).isPositive();
        assertThat(seen.stream().mapToInt(Seen::leftBehind).sum()).as(seen.toString()).isPositive();

        // the next write into each folder (here pm lint --fix, in this process) removes what the last kill left
        for (Path dir : dirs) {
            Files.write(dir.resolve("postmortems/a.md"), old);
            Cli.Result r = Cli.in(dir).run("lint", "--fix");
            assertThat(r.err()).as(r.toString()).contains("rewrote");
            assertThat(names(dir.resolve("postmortems"))).containsExactly("a.md");
            assertThat(Files.readAllBytes(dir.resolve("postmortems/a.md"))).isEqualTo(fixed);
        }
    }

    @Test
    @Timeout(60)
    void aLiveWritersTemporaryFileIsLeftAloneUntilItsProcessIsGone() throws Exception {
        Path dir = Files.createDirectories(root.resolve("live/postmortems")).getParent();
        byte[] old = BEHIND.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("old.md"), old);
        Path other = Files.writeString(dir.resolve("postmortems/b.md"), "b");

        String[] holding = new String[1];
        Process writer = start(dir, "hold", holding);
        List<String> live;
        try {
            assertThat(holding[0]).isEqualTo("holding");
            live = temporaries(dir.resolve("postmortems"));
            assertThat(live).hasSize(1);
            byte[] half = Files.readAllBytes(dir.resolve("postmortems").resolve(live.get(0)));

            AtomicFiles.replace(other, "b, again".getBytes(StandardCharsets.UTF_8)); // a write into the same folder

            assertThat(temporaries(dir.resolve("postmortems"))).isEqualTo(live);
            assertThat(Files.readAllBytes(dir.resolve("postmortems").resolve(live.get(0)))).isEqualTo(half);
            assertThat(writer.isAlive()).isTrue();
        } finally {
            kill(writer);
        }
        assertThat(temporaries(dir.resolve("postmortems"))).isEqualTo(live); // a kill leaves it

        AtomicFiles.replace(other, "b, once more".getBytes(StandardCharsets.UTF_8));

        assertThat(names(dir.resolve("postmortems"))).containsExactly("b.md");
        assertThat(dir.resolve("postmortems/a.md")).doesNotExist(); // the killed writer never got to write it
    }

    @Test
    void onlyPmsOwnTemporaryFilesAreRemovedNothingElseThatLooksLikeOne() throws Exception {
        Path dir = Files.createDirectories(root.resolve("names"));
        Path target = Files.writeString(dir.resolve("a.md"), "old");
        List<String> others = List.of(
                ".a.md.1234567890123456789.tmp",   // pm before it named its own: could be any program's
                "a.md.pm-0123456789ab.tmp",        // not hidden: someone's file
                ".a.md.pm-0123456789AB.tmp",       // not pm's letters
                ".a.md.pm-0123456789ab.tmp.keep",
                ".a.md.pm-0123456789a.tmp");
        for (String n : others) {
            Files.writeString(dir.resolve(n), n);
        }
        Files.createDirectory(dir.resolve(".b.md.pm-0123456789ab.tmp")); // a folder, whatever its name
        Files.writeString(dir.resolve(".a.md.pm-0123456789ab.tmp"), "half of a");
        Files.writeString(dir.resolve(".other.md.pm-zyxwvutsrq98.tmp"), "half of another file");

        AtomicFiles.replace(target, "new".getBytes(StandardCharsets.UTF_8));

        List<String> expected = new ArrayList<>(others);
        expected.add(".b.md.pm-0123456789ab.tmp");
        expected.add("a.md");
        assertThat(names(dir)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(target)).isEqualTo("new");
    }
}
