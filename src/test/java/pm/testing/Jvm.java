package pm.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class of the test classpath in a JVM of its own, as a separate process: for what one process cannot
 * show about itself (its umask, being killed).
 */
public final class Jvm {
    private Jvm() {
    }

    /** The command line that runs {@code main} with {@code args} on the classpath of this test run. */
    public static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived process: start fast rather than run fast
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code main} in {@code dir}, its output and errors as pipes. */
    public static Process start(Path dir, Class<?> main, String... args) throws IOException {
        return new ProcessBuilder(command(main, args)).directory(dir.toFile()).start();
    }

    /** Starts {@code main} in {@code dir} under {@code umask} (e.g. "027"), through sh, which sets it. */
    public static Process startWithUmask(Path dir, String umask, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        cmd.addAll(command(main, args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    }
}
