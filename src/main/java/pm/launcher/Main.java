package pm.launcher;

import java.util.Map;
import pm.cli.Commands;
import pm.cli.Context;
import pm.cli.ExitStatus;

/**
 * Entry point: {@code java -jar pm.jar ...}, as the launcher script runs it. The everyday command lines go the
 * {@link FastPath}; everything else, and the hidden {@code __train} the launcher runs to make its class-data
 * archive, goes to picocli.
 */
public final class Main {
    /** Commands only the launcher runs. */
    private static final Map<String, Class<?>> HIDDEN = Map.of("__train", TrainCommand.class);

    private Main() {
    }

    public static void main(String[] args) {
        Context ctx = Context.system();
        int code = ExitStatus.INTERNAL;
        try {
            code = run(ctx, args);
        } finally {
            ctx.out().flush(); // stdout is written in blocks when it is not a terminal (see Context)
            ctx.err().flush();
        }
        System.exit(code);
    }

    /** Runs one command line against a context and returns its exit status. */
    public static int run(Context ctx, String... args) {
        Integer fast = FastPath.run(ctx, args);
        if (fast != null) {
            return fast;
        }
        return picocli(ctx, args);
    }

    /** Runs one command line with picocli, never {@link FastPath}: what it falls back to, and tests compare with. */
    static int picocli(Context ctx, String... args) {
        return Commands.execute(ctx, args, HIDDEN);
    }
}
