package pm.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
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
