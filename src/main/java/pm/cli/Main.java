package pm.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import pm.io.InputException;

/** Entry point: {@code java -jar pm.jar ...}. */
public final class Main {
    /** Exit status when a finding is an error ({@code pm lint}) or something is overdue with --fail-on-overdue. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit status for usage and input errors. */
    public static final int EXIT_USAGE = 2;
    /** Exit status for a bug in pm itself. */
    public static final int EXIT_INTERNAL = 3;

    private Main() {
    }

    public static void main(String[] args) {
        Context ctx = Context.system();
        int code = EXIT_INTERNAL;
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
        CommandLine cl = commandLine(ctx, PmCommand.needed(args));
        return cl.execute(args);
    }

    static CommandLine commandLine(Context ctx, Map<String, Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new PmCommand(ctx));
        subcommands.forEach(cl::addSubcommand);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ctx, ex, cmd.getErr()));
        return cl;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage().replaceAll("\\s+", " ").strip());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }

    /** Reports an exception a command threw, on {@code err}, and returns the exit status for it. */
    static int failure(Context ctx, Exception ex, PrintWriter err) {
        if (ex instanceof InputException ie) {
            err.println("pm: " + ie.oneLine(ctx.cwd()));
            err.flush();
            return EXIT_USAGE;
        }
        err.println("pm: internal error: " + ex + " (a bug in pm; please report it with the command you ran, "
                + "and set PM_DEBUG=1 for details)");
        if (ctx.env().get("PM_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_INTERNAL;
    }
}
