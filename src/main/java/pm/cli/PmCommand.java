package pm.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code pm}. */
@Command(name = "pm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {NewCommand.class, InitCommand.class, LintCommand.class, OverdueCommand.class,
                HookCommand.class, CompletionCommand.class, TrainCommand.class},
        description = {"Blameless postmortems as code: scaffold, lint and follow up incident postmortems kept in git.",
                ""},
        footer = {"", "Start with 'pm init' in your repository, then 'pm new \"<what broke>\"' after an incident.",
                "Each command has --help."})
public final class PmCommand implements Runnable {
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
