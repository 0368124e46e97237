package pm.cli;

import java.io.BufferedWriter;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import pm.source.Names;

/**
 * What a command runs against: the working directory, the clock, the environment, the output streams and standard
 * input ({@code pm lint --stdin}).
 */
public record Context(Path cwd, Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err,
                      InputStream in) {

    /** With the process's standard input. */
    public Context(Path cwd, Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this(cwd, clock, env, out, err, System.in);
    }

    /**
     * The process's own streams. On a terminal each line shows at once; into a pipe or a file the output is
     * written in blocks, as grep and ripgrep do (a line at a time cost a system call per line: 18,000 for a
     * lint of 10,000 files), and whatever is pending goes out before anything is written to stderr, so that
     * the two stay in order when they share a log.
     */
    public static Context system() {
        boolean terminal = isTerminal();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16), terminal);
        Writer err = new OutputStreamWriter(System.err);
        if (!terminal) {
            err = new FlushingFirst(out, err);
        }
        return new Context(Path.of("").toAbsolutePath(), Clock.systemUTC(), System.getenv(), out,
                new PrintWriter(err, true));
    }

    /** Whether this process's standard output goes to a terminal, for colour. */
    public boolean terminal() {
        return isTerminal();
    }

    /** How files are named in what pm prints. */
    public Names names() {
        return new Names(cwd);
    }

    /** Whether standard output goes to a terminal (JDK 22 and later have a console for a pipe, too). */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // before JDK 22 a console means a terminal
        }
    }

    /** A writer that flushes another one before each write: stderr after the stdout it follows. */
    static final class FlushingFirst extends Writer {
        private final Writer first;
        private final Writer target;

        FlushingFirst(Writer first, Writer target) {
            this.first = first;
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            first.flush();
            target.write(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            first.flush();
            target.write(s, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    /** A path the user typed, resolved against the working directory. */
    public Path resolve(String path) {
        return cwd.resolve(path).normalize();
    }
}
