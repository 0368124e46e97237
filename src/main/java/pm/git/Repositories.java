package pm.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import pm.io.InputException;

/**
 * Opens the repository around a directory with JGit, honouring the variables git passes to hooks
 * ({@code GIT_DIR}, {@code GIT_WORK_TREE}, {@code GIT_INDEX_FILE}) from the given environment rather
 * than the process's, so commands stay testable.
 */
final class Repositories {
    private Repositories() {
    }

    /**
     * Opens the repository as {@link #open} does, without the system-wide git config (see
     * {@link #ignoreSystemConfig}): for reading the index, trees and blobs, which that config does not change.
     */
    static Repository openForReading(Path cwd, Map<String, String> env, String purpose) throws InputException {
        ignoreSystemConfig();
        return open(cwd, env, purpose);
    }

    /**
     * From now on JGit reads no system-wide git config in this process. To find that file JGit runs
     * {@code git --version} and {@code git config --system}, which costs a cold start tens of milliseconds, and
     * pm runs no programs; nothing there changes which files are tracked or staged or what a blob holds. The
     * user's and the repository's configs are still read. Not for {@code pm hook install}, which honours a
     * {@code core.hooksPath} set system-wide.
     */
    static void ignoreSystemConfig() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof NoSystemConfig)) {
            SystemReader.setInstance(new NoSystemConfig(current));
        }
    }

    /** A system reader whose system-wide git config is empty. */
    private static final class NoSystemConfig extends SystemReader.Delegate {
        NoSystemConfig(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // no system config
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }

    /** Opens the repository around {@code cwd} with JGit's usual configs (system-wide, user, repository). */
    static Repository open(Path cwd, Map<String, String> env, String purpose) throws InputException {
        FileRepositoryBuilder b = new FileRepositoryBuilder();
        String gitDir = blankToNull(env.get("GIT_DIR"));
        Path abs = cwd.toAbsolutePath().normalize();
        if (gitDir != null) {
            b.setGitDir(abs.resolve(gitDir).normalize().toFile());
            String workTree = blankToNull(env.get("GIT_WORK_TREE"));
            if (workTree != null) {
                b.setWorkTree(abs.resolve(workTree).normalize().toFile());
            } else if (!setsWorkTree(b.getGitDir().toPath()) && !isBareByConfig(b.getGitDir().toPath())) {
                // git's rule: GIT_DIR without GIT_WORK_TREE or core.worktree makes the current folder the top
                // of the work tree (JGit would take GIT_DIR's parent, which is wrong for a separate git dir)
                b.setWorkTree(abs.toFile());
            }
        } else {
            findFrom(b, abs);
        }
        if (b.getGitDir() == null) {
            throw new InputException("not in a git repository: " + purpose);
        }
        String index = blankToNull(env.get("GIT_INDEX_FILE"));
        if (index != null) {
            b.setIndexFile(cwd.resolve(index).normalize().toFile());
        }
        try {
            b.setMustExist(true);
            return b.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(b.getGitDir().toPath(), 0, "cannot open the git repository: " + e.getMessage());
        }
    }

    /**
     * Looks for the repository from {@code dir} up, as git does: a {@code .git} file ("gitdir: …", from
     * {@code git init --separate-git-dir}, a linked work tree or a submodule) makes its folder the work tree
     * unless the repository's config sets {@code core.worktree}; JGit alone would take the git dir's parent.
     * The builder's git dir stays null when there is no repository.
     */
    static FileRepositoryBuilder findFrom(FileRepositoryBuilder b, Path dir) {
        b.findGitDir(dir.toFile());
        Path linked = gitfileFolder(dir);
        if (b.getGitDir() != null && linked != null && !setsWorkTree(b.getGitDir().toPath())) {
            b.setWorkTree(linked.toFile());
        }
        return b;
    }

    /** The folder of the nearest {@code .git} at or above {@code dir} when that is a file (a gitfile), else null. */
    private static Path gitfileFolder(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (java.nio.file.Files.isRegularFile(dotGit)) {
                return d;
            }
            if (java.nio.file.Files.exists(dotGit)) {
                return null;
            }
        }
        return null;
    }

    /** Whether the repository's own config sets {@code core.worktree}, which then says where the work tree is. */
    private static boolean setsWorkTree(Path gitDir) {
        return repositoryConfig(gitDir).getString("core", null, "worktree") != null;
    }

    private static boolean isBareByConfig(Path gitDir) {
        return repositoryConfig(gitDir).getBoolean("core", null, "bare", false);
    }

    private static Config repositoryConfig(Path gitDir) {
        FileBasedConfig config = new FileBasedConfig(gitDir.resolve("config").toFile(), FS.DETECTED);
        try {
            config.load();
        } catch (IOException | org.eclipse.jgit.errors.ConfigInvalidException e) {
            // unreadable: JGit reports it when it opens the repository
        }
        return config;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
