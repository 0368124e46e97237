package pm.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import pm.cli.Context;
import pm.launcher.Main;

/** Runs pm in-process, as a user would from a directory, and captures what it prints. */
public final class Cli {
    public static final Instant NOW = Instant.parse("2025-03-20T10:00:00Z");

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private byte[] stdin = new byte[0];

    private Cli(Path cwd) {
        this.cwd = cwd;
    }

    public static Cli in(Path cwd) {
        return new Cli(cwd);
    }

    public Cli env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Cli at(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    /** What pm reads on standard input (nothing unless set). */
    public Cli stdin(String text) {
        return stdin(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Cli stdin(byte[] bytes) {
        stdin = bytes.clone();
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Context(cwd, clock, env, new PrintWriter(out, true), new PrintWriter(err, true),
                new java.io.ByteArrayInputStream(stdin)),
                args);
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
