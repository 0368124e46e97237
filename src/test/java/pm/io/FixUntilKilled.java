package pm.io;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import pm.cli.Context;
import pm.launcher.Main;

/**
 * A pm process for {@link AtomicFilesKillTest} to kill, run in the folder it works in. {@code fix}: puts
 * {@code old.md}'s bytes in {@code postmortems/a.md} and runs {@code pm lint --fix} on it (which rewrites its
 * Action items table), over and over on a slow disk (every 4 KB takes a little while), until killed; prints
 * "ready MILLIS" (how long its second round took) after two rounds. {@code hold}: starts writing {@code postmortems/a.md}
 * and stops half-way, printing "holding", until killed: a live writer.
 */
public final class FixUntilKilled {
    private FixUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        Path file = dir.resolve("postmortems/a.md");
        byte[] old = Files.readAllBytes(dir.resolve("old.md"));
        if (args.length > 0 && args[0].equals("hold")) {
            AtomicFiles.sink = (out, content) -> {
                out.write(content, 0, content.length / 2);
                System.out.println("holding");
                System.out.flush();
                while (true) {
                    LockSupport.park();
                }
            };
            AtomicFiles.replace(file, old);
            return;
        }
        AtomicFiles.sink = (out, content) -> {
            for (int at = 0; at < content.length; at += 4096) {
                out.write(content, at, Math.min(4096, content.length - at));
                LockSupport.parkNanos(300_000);
            }
        };
        Context ctx = new Context(dir, Clock.systemUTC(), Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        long start = 0;
        for (int round = 0; ; round++) {
            if (round == 1) {
                start = System.nanoTime();
            }
            if (round == 2) {
                System.out.println("ready " + (System.nanoTime() - start) / 1_000_000);
                System.out.flush();
            }
            AtomicFiles.replace(file, old);
            if (Main.run(ctx, "lint", "--fix", "postmortems/a.md") > 1) {
                throw new IllegalStateException("pm lint --fix failed");
            }
        }
    }
}
