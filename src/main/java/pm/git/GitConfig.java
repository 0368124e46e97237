package pm.git;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.SystemReader;

/** Reads git settings with JGit; never runs git or anything a repository supplies. */
public final class GitConfig {
    private GitConfig() {
    }

    /** {@code user.name} from the repository around {@code dir}, else the user's global git config. */
    public static Optional<String> userName(Path dir) {
        return user(dir, "name");
    }

    /** {@code user.email} from the repository around {@code dir}, else the user's global git config. */
    public static Optional<String> userEmail(Path dir) {
        return user(dir, "email");
    }

    private static Optional<String> user(Path dir, String key) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                    .findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() != null) {
                try (Repository repo = builder.build()) {
                    return clean(repo.getConfig().getString("user", null, key));
                }
            }
            return clean(SystemReader.getInstance().getUserConfig().getString("user", null, key));
        } catch (Exception e) {
            return Optional.empty(); // an unreadable config only means no default author
        }
    }

    private static Optional<String> clean(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
