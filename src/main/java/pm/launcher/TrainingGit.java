package pm.launcher;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** The git repositories the training run makes in temporary folders, kept from every setting of the user's. */
final class TrainingGit implements AutoCloseable {
    private final SystemReader before = SystemReader.getInstance();

    /**
     * From now until {@link #close}, JGit reads and writes its own settings files (system, user, JGit) inside
     * {@code dir}, not the user's, and sees none of git's environment variables: the launcher may train inside a
     * git hook, where {@code GIT_INDEX_FILE} or {@code GIT_DIR} point at the user's repository (relative to the
     * hook's folder, not to the training's). Nothing is written anywhere else, and no program is run.
     */
    TrainingGit(Path dir) {
        SystemReader.setInstance(new SystemReader.Delegate(before) {
            @Override
            public String getenv(String variable) {
                return variable.startsWith("GIT_") ? null : super.getenv(variable);
            }

            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, dir.resolve("user.config").toFile(), fs);
            }

            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, dir.resolve("system.config").toFile(), fs);
            }

            @Override
            public FileBasedConfig openJGitConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, dir.resolve("jgit.config").toFile(), fs);
            }
        });
    }

    /**
     * Makes {@code dir} a git work tree whose index tracks {@code path} with {@code content} (the file itself is
     * the caller's to write), so that the archive holds the classes that open a repository and read an index.
     */
    static void withIndexedFile(Path dir, String path, byte[] content) throws IOException {
        try (Repository repo = FileRepositoryBuilder.create(dir.resolve(Constants.DOT_GIT).toFile())) {
            repo.create();
            DirCache dc = repo.lockDirCache();
            try {
                DirCacheBuilder b = dc.builder();
                DirCacheEntry e = new DirCacheEntry(path);
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setLength(content.length);
                try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
                    e.setObjectId(f.idFor(Constants.OBJ_BLOB, content));
                }
                b.add(e);
                b.commit();
            } finally {
                dc.unlock();
            }
        }
    }

    @Override
    public void close() {
        SystemReader.setInstance(before);
    }
}
