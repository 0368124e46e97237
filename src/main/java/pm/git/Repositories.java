package pm.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import pm.io.InputException;

/**
 * Opens the repository around a directory with JGit, honouring the variables git passes to hooks
 * ({@code GIT_DIR}, {@code GIT_WORK_TREE}, {@code GIT_INDEX_FILE}) from the given environment rather
 * than the process's, so commands stay testable.
 */
final class Repositories {
    private Repositories() {
    }

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
