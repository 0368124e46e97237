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
        if (gitDir != null) {
            b.setGitDir(cwd.resolve(gitDir).normalize().toFile());
            String workTree = blankToNull(env.get("GIT_WORK_TREE"));
            if (workTree != null) {
                b.setWorkTree(cwd.resolve(workTree).normalize().toFile());
            }
        } else {
            b.findGitDir(cwd.toAbsolutePath().toFile());
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
