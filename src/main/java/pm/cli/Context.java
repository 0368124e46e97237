package pm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What a command runs against: the working directory, the clock, the environment and the output streams. */
public record Context(Path cwd, Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err) {

    public static Context system() {
        return new Context(Path.of("").toAbsolutePath(), Clock.systemUTC(), System.getenv(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** A path the user typed, resolved against the working directory. */
    public Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}
