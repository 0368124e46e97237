package pm.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;

/** Real git repositories for tests, made with JGit. */
public final class TempGit {
    private TempGit() {
    }

    /** A new repository in {@code dir} with user.name set to {@code author}. */
    public static Git init(Path dir, String author) throws GitAPIException, IOException {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("user", null, "name", author);
        config.setString("user", null, "email", "test@example.com");
        config.save();
        return git;
    }
}
