package pm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import pm.git.Hooks;
import pm.io.AtomicFiles;
import pm.io.InputException;

/** {@code pm hook install}: a git pre-commit hook that runs {@code pm lint --staged}. */
@Command(name = "hook",
        description = "Manage the git pre-commit hook that lints staged postmortems.",
        subcommands = HookCommand.Install.class)
public final class HookCommand implements Runnable {
    /** Written into every hook pm writes, so it knows which hooks it may replace. */
    static final String MARKER = "# pm-hook: written by 'pm hook install'";

    @ParentCommand
    PmCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    StandardOptions standard;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: pm hook install");
    }

    /** {@code pm hook install [--force]}. */
    @Command(name = "install",
            description = {"Write .git/hooks/pre-commit (or into core.hooksPath) so every commit runs "
                    + "'pm lint --staged'.", "A pre-commit hook pm did not write is left alone unless --force."})
    static final class Install implements Callable<Integer> {
        @ParentCommand
        HookCommand hook;

        @Option(names = "--force", description = "Replace a pre-commit hook pm did not write; the old one is kept "
                + "as pre-commit.pm-backup (or .pm-backup.1, .2 and so on when that name is taken).")
        boolean force;

        @Mixin
        StandardOptions standard;

        @Override
        public Integer call() throws InputException {
            Context ctx = hook.parent.context();
            Path dir = Hooks.directory(ctx.cwd(), ctx.env());
            Path file = dir.resolve("pre-commit");
            String script = script(ctx.env().get("PM_LAUNCHER"));
            String shown = ctx.names().of(file);
            try {
                Files.createDirectories(dir);
                if (Files.exists(file)) {
                    String existing = Files.readString(file, StandardCharsets.UTF_8);
                    if (existing.equals(script) && Files.isExecutable(file)) {
                        ctx.out().println(shown + " is already installed; nothing changed");
                        ctx.out().flush();
                        return 0;
                    }
                    if (!existing.contains(MARKER)) {
                        if (!force) {
                            throw new InputException(file, 0, "a pre-commit hook pm did not write is already "
                                    + "there; add 'pm lint --staged' to it, or run 'pm hook install --force' to "
                                    + "replace it (the old one is kept as "
                                    + Hooks.freeBackupName(file).getFileName() + ")");
                        }
                        Path backup = Hooks.keep(file);
                        ctx.out().println("Kept the old hook as " + ctx.names().of(backup));
                    }
                    AtomicFiles.replace(file, script.getBytes(StandardCharsets.UTF_8));
                } else {
                    AtomicFiles.createNew(file, script.getBytes(StandardCharsets.UTF_8));
                }
                makeExecutable(file);
            } catch (IOException e) {
                throw new InputException(file, 0, "cannot write the hook: " + e.getMessage());
            }
            ctx.out().println("Installed " + shown + ": each commit now runs 'pm lint --staged' (skip once with "
                    + "git commit --no-verify)");
            ctx.out().flush();
            return 0;
        }

        private static void makeExecutable(Path file) throws IOException {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                if (!file.toFile().setExecutable(true)) {
                    throw new IOException("cannot make it executable");
                }
            }
        }
    }

    /**
     * The hook: runs the launcher pm was installed from when it is still there, else {@code pm} from
     * the PATH. The launcher path is quoted for sh.
     */
    static String script(String launcher) {
        String fallback = launcher == null || launcher.isBlank() ? "" : "pm=" + shellQuote(launcher) + "\n"
                + "[ -x \"$pm\" ] || pm=pm\n";
        return "#!/bin/sh\n"
                + MARKER + "; it may replace this file.\n"
                + "# Lints the postmortems staged for this commit. Skip once: git commit --no-verify\n"
                + (fallback.isEmpty() ? "pm=pm\n" : fallback)
                + "exec \"$pm\" lint --staged\n";
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
