package pm.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import pm.cli.Context;
import pm.cli.ExitStatus;

/** The {@code pm lint --staged} part of {@link TrainCommand}. */
final class StagedTraining {
    private StagedTraining() {
    }

    /**
     * What {@code pm lint --staged} runs, on a temporary repository that is deleted afterwards, so that the
     * archive holds JGit's index-reading classes. JGit's own settings files are pointed into that folder too:
     * nothing is written anywhere else.
     */
    static void run() {
        Path tmp = null;
        TrainingGit isolated = null;
        try {
            Path dir = Files.createTempDirectory("pm-train-");
            tmp = dir;
            isolated = new TrainingGit(dir);
            Path work = dir.resolve("repo");
            Files.createDirectories(work.resolve("postmortems"));
            Files.write(work.resolve("postmortems/sample.md"), TrainCommand.sample());
            try (Git git = Git.init().setDirectory(work.toFile()).call()) {
                // one commit, then a change staged on top: what a pre-commit hook sees (HEAD, refs, a tree)
                git.add().addFilepattern("postmortems").call();
                PersonIdent pm = new PersonIdent("pm", "pm@localhost");
                git.commit().setMessage("sample").setAuthor(pm).setCommitter(pm).setSign(false).call();
                Files.write(work.resolve("postmortems/sample.md"), (new String(TrainCommand.sample(),
                        StandardCharsets.UTF_8) + "\nStaged after the first commit.\n").getBytes(StandardCharsets.UTF_8));
                git.add().addFilepattern("postmortems").call();
            }
            // as the pre-commit hook runs it (through FastPath), with no GIT_DIR or GIT_INDEX_FILE of the user's
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new Context(work, Clock.systemUTC(), Map.of(), new PrintWriter(out),
                    new PrintWriter(err)), "lint", "--staged");
            if (code != ExitStatus.FINDINGS || !out.toString().contains("sample.md")) {
                throw new IllegalStateException("pm lint --staged on the training repository: exit " + code + "\n"
                        + out + err);
            }
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("the training repository failed: " + e, e);
        } finally {
            if (isolated != null) {
                isolated.close();
            }
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the training repository could not be deleted: " + dir, e);
        }
    }

}
