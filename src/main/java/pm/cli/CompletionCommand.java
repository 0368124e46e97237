package pm.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pm completion}: prints a bash/zsh completion script. */
@Command(name = "completion",
        description = {"Print a bash/zsh completion script for pm.", "",
                "bash:  source <(pm completion)",
                "zsh:   autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; "
                        + "source <(pm completion)"})
public final class CompletionCommand implements Runnable {
    @ParentCommand
    PmCommand parent;


    @Spec
    CommandSpec spec;

    @Mixin
    StandardOptions standard;

    @Override
    public void run() {
        String script = AutoComplete.bash("pm", spec.parent().commandLine());
        parent.context().out().print(script);
        parent.context().out().flush();
    }
}
