package pm.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code pm}. */
@Command(name = "pm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Blameless postmortems as code: scaffold, lint and follow up incident postmortems kept in git.",
                ""},
        footer = {"", "Start with 'pm init' in your repository, then 'pm new \"<what broke>\"' after an incident.",
                "Each command has --help."})
public final class PmCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. {@link Commands} registers only the one a command line names
     * (building picocli's model of all of them costs a cold start ~0.1 s of CPU), or all of them for help,
     * completion and anything it cannot tell.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("new", NewCommand.class);
        m.put("init", InitCommand.class);
        m.put("lint", LintCommand.class);
        m.put("overdue", OverdueCommand.class);
        m.put("action", ActionCommand.class);
        m.put("stats", StatsCommand.class);
        m.put("index", IndexCommand.class);
        m.put("hook", HookCommand.class);
        m.put("lsp", LspCommand.class);
        m.put("completion", CompletionCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** The subcommands a command line needs: the one it names, or all (completion describes them all). */
    static Map<String, Class<?>> needed(String[] args) {
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("completion")) {
            return Map.of(first, SUBCOMMANDS.get(first));
        }
        return SUBCOMMANDS;
    }

    private final Context context;

    @Spec
    CommandSpec spec;

    public PmCommand(Context context) {
        this.context = context;
    }

    public Context context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.err());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
