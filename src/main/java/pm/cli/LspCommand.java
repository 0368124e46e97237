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
        description = {"Run pm's language server for editors (LSP over standard input and output).",
                "Lints each open postmortem as you type, as 'pm lint' would lint it at its path (.pm.yml and "
                        + "pm-disable comments included), and offers --fix's Action items table sync as a quick fix. "
                        + "Markdown files under postmortems_dir are linted; others are left alone.",
                "Your editor starts it; run by hand it waits for an editor's messages (Ctrl-D ends it)."},
        footer = {"",
                "Examples (the command 'pm lsp' for Markdown files; README: 'Editors: pm lsp'):",
                "  VS Code, Generic LSP Client (v2) extension, settings.json:",
                "    \"glspc.server.command\": \"pm\", \"glspc.server.commandArguments\": [\"lsp\"],",
                "    \"glspc.server.languageId\": [\"markdown\"]",
                "  Neovim 0.11, init.lua:",
                "    vim.lsp.config('pm', { cmd = { 'pm', 'lsp' }, filetypes = { 'markdown' } })",
                "    vim.lsp.enable('pm')",
                "  Helix, languages.toml:",
                "    [language-server.pm]",
                "    command = \"pm\"",
                "    args = [\"lsp\"]",
                "    (and \"pm\" in language-servers of the [[language]] named \"markdown\")"})
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
        return Server.serve();
    }

    /**
     * What names pm.lsp's types, in a class of its own that only {@code pm lsp} loads: picocli reads every method of
     * the command's class, and the JVM's verifier loads the types a method hands on, so they would be loaded for
     * {@code pm --help} if the command's own methods named them.
     */
    private static final class Server implements pm.lsp.LspServer.Setups {
        static int serve() {
            return pm.lsp.LspServer.serve(System.in, System.out, new Server(), Rules.ALL, VersionProvider.version());
        }

        /** The configuration for a document's folder, checked whole as every command checks it. */
        @Override
        public pm.lsp.LspServer.Setup forFolder(java.nio.file.Path folder) throws pm.io.InputException {
            Settings s = Settings.of(Config.load(folder));
            return new pm.lsp.LspServer.Setup(s.config(), s.lint());
        }
    }
}
