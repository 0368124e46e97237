package pm.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import pm.io.AtomicFiles;
import pm.io.InputException;

/** Where a repository's hooks live: {@code core.hooksPath} when set, else the hooks folder of its git directory. */
public final class Hooks {
    private Hooks() {
    }

    public static Path directory(Path cwd, Map<String, String> env) throws InputException {
        try (Repository repo = Repositories.open(cwd, env, "run pm hook install inside the repository whose "
                + "commits should be linted")) {
            String configured = repo.getConfig().getString("core", null, "hooksPath");
            if (configured != null && !configured.isBlank()) {
                String p = configured.strip();
                String home = env.get("HOME");
                if (p.startsWith("~/") && home != null) {
                    p = home + p.substring(1);
                }
                Path path = Path.of(p);
                Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
                return base.resolve(path).normalize();
            }
            return commonDirectory(repo.getDirectory().toPath()).resolve("hooks");
        }
    }

    /** The name the {@code n}th kept copy of a hook takes: pre-commit.pm-backup, pre-commit.pm-backup.1, … */
    static Path backupName(Path hook, int n) {
        String base = hook.getFileName() + ".pm-backup";
        return hook.resolveSibling(n == 0 ? base : base + "." + n);
    }

    /** How many kept copies of one hook pm looks through for a free name. */
    private static final int MAX_BACKUPS = 1000;

    /** The name {@link #keep} would give a copy of {@code hook} now: the first free backup name. */
    public static Path freeBackupName(Path hook) {
        for (int n = 0; n < MAX_BACKUPS; n++) {
            Path b = backupName(hook, n);
            if (!Files.exists(b, LinkOption.NOFOLLOW_LINKS)) {
                return b;
            }
        }
        return backupName(hook, MAX_BACKUPS);
    }

    /**
     * Keeps a copy of {@code hook} (its content and mode, and its owner where pm may set it) under the first free
     * backup name, never over an earlier copy: the first is {@code pre-commit.pm-backup}, later ones
     * {@code pre-commit.pm-backup.1}, {@code .2}, ….
     *
     * @return the copy's name
     */
    public static Path keep(Path hook) throws InputException {
        for (int n = 0; n < MAX_BACKUPS; n++) {
            Path b = backupName(hook, n);
            if (!Files.exists(b, LinkOption.NOFOLLOW_LINKS) && AtomicFiles.copyNew(hook, b)) {
                return b;
            }
        }
        throw new InputException(hook, 0, "has " + MAX_BACKUPS + " kept copies already (" + hook.getFileName()
                + ".pm-backup.*); remove the ones you do not need and run again (nothing was changed)");
    }

    /** A linked worktree's git directory names the main one in its {@code commondir} file; hooks live there. */
    private static Path commonDirectory(Path gitDir) {
        Path file = gitDir.resolve("commondir");
        if (Files.isRegularFile(file)) {
            try {
                return gitDir.resolve(Files.readString(file).strip()).normalize();
            } catch (IOException e) {
                return gitDir;
            }
        }
        return gitDir;
    }
}
