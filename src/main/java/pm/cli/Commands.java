package pm.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import pm.io.InputException;
import pm.report.Visible;

/**
 * Runs a command line with picocli: pm's commands, how usage errors and failures are reported. An error line
 * echoes what the user gave (an argument, a file name, a line of a file), so it is printed {@link Visible}: one
 * line that cannot drive the terminal.
 */
public final class Commands {
    private Commands() {
    }

    /**
     * Runs one command line and returns its exit status.
     *
     * @param extra commands to add to pm's own (hidden ones the launcher has), by name
     */
    public static int execute(Context ctx, String[] args, Map<String, Class<?>> extra) {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>(PmCommand.needed(args));
        String first = args.length > 0 ? args[0] : "";
        if (extra.containsKey(first)) {
            subcommands.put(first, extra.get(first));
        }
        return commandLine(ctx, subcommands).execute(args);
    }

    /**
     * Every command of pm, as {@code --help} and {@code pm completion} describe them: what the build's man pages and
     * completion files are generated from ({@code src/build/PmDocs.java}), so they never drift from the help.
     */
    public static CommandLine all(Context ctx) {
        return commandLine(ctx, PmCommand.SUBCOMMANDS);
    }

    static CommandLine commandLine(Context ctx, Map<String, Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new PmCommand(ctx));
        subcommands.forEach(cl::addSubcommand);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Commands::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ctx, ex, cmd.getErr()));
        return cl;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + Visible.of(ex.getMessage().replaceAll("\\s+", " ").strip()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return ExitStatus.USAGE;
    }

    /** Reports an exception a command threw, on {@code err}, and returns the exit status for it. */
    public static int failure(Context ctx, Exception ex, PrintWriter err) {
        if (ex instanceof InputException ie) {
            err.println("pm: " + Visible.of(ie.oneLine(ctx.names())));
            err.flush();
            return ExitStatus.USAGE;
        }
        err.println("pm: internal error: " + Visible.of(ex.toString()) + " (a bug in pm; please report it with the "
                + "command you ran, and set PM_DEBUG=1 for details)");
        if (ctx.env().get("PM_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitStatus.INTERNAL;
    }
}
