package pm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.lint.rules.Rules;

/**
 * {@code pm lsp}: the language server, for editors. Only this class names {@link pm.lsp}, and only in {@link #call}:
 * the server and LSP4J are loaded when {@code pm lsp} runs, never by another command.
 */
@Command(name = "lsp",
        description = {"Run pm's language server for editors: speaks the Language Server Protocol on standard "
                + "input and output, lints each open postmortem as you type (as 'pm lint' would lint it at its "
                + "path, .pm.yml included) and offers --fix's Action items table sync as a quick fix.",
                "Your editor starts it; run by hand it waits for an editor's messages (Ctrl-D ends it)."},
        footer = {"", "Examples (configure the command 'pm lsp' for Markdown files):",
                "  Neovim:  vim.lsp.start({ name = 'pm', cmd = { 'pm', 'lsp' }, root_dir = vim.fn.getcwd() })",
                "  Helix:   [language-server.pm] command = \"pm\", args = [\"lsp\"]",
                "See the README's 'Editors: pm lsp' for VS Code, Neovim and Helix."})
public final class LspCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;

    @Option(names = "--stdio", description = "Talk over standard input and output (the default and only way; "
            + "accepted because editor clients add it).")
    boolean stdio;

    @Mixin
    StandardOptions standard;

    @Override
    public Integer call() {
        Context ctx = parent.context();
        if (System.console() != null) {
            ctx.err().println("pm lsp: waiting for an editor's Language Server Protocol messages on standard input; "
                    + "configure your editor to start 'pm lsp' (see pm lsp --help). Ctrl-D ends it.");
            ctx.err().flush();
        }
        return pm.lsp.LspServer.serve(System.in, System.out, folder -> {
            Settings s = Settings.of(Config.load(folder));
            return new pm.lsp.LspServer.Setup(s.config(), s.lint());
        }, Rules.ALL, VersionProvider.version());
    }
}
