package pm.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.io.InputException;
import pm.testing.TempGit;

class TrackedFilesTest {
    @TempDir
    Path repo;

    private void write(String path, String text) throws Exception {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void outsideARepositoryThereIsNothingToOpen(@TempDir Path plain) throws Exception {
        assertThat(TrackedFiles.find(plain)).isNull();
        assertThat(TrackedFiles.find(plain.resolve("not/yet/made"))).isNull();
    }

    @Test
    void theIndexListsTrackedFilesUnderAFolderInPathOrder() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("pm/b.md", "b");
            write("pm/a.md", "a");
            write("pm/sub/c.md", "c");
            write("pm/notes.txt", "t");
            write("pmx/d.md", "d");
            write("pm/untracked.md", "u");
            git.add().addFilepattern("pm/b.md").addFilepattern("pm/a.md").addFilepattern("pm/sub")
                    .addFilepattern("pm/notes.txt").addFilepattern("pmx").call();
            try (TrackedFiles files = TrackedFiles.find(repo.resolve("pm"))) {
                assertThat(files.workTree()).isEqualTo(repo.toRealPath());
                assertThat(files.index("pm", ".md")).extracting(TrackedFiles.Entry::path)
                        .containsExactly("pm/a.md", "pm/b.md", "pm/sub/c.md");
                assertThat(files.index("", ".md")).extracting(TrackedFiles.Entry::path)
                        .containsExactly("pm/a.md", "pm/b.md", "pm/sub/c.md", "pmx/d.md");
                assertThat(files.untracked("pm", ".md")).containsExactly("pm/untracked.md");
            }
        }
    }

    @Test
    void ignoredFilesAreNeitherTrackedNorUntracked() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write(".gitignore", "drafts/\n*.local.md\n");
            write("pm/a.local.md", "ignored");
            write("pm/drafts/b.md", "ignored folder");
            write("pm/c.md", "untracked");
            try (TrackedFiles files = TrackedFiles.find(repo)) {
                assertThat(files.index("pm", ".md")).isEmpty();
                assertThat(files.untracked("pm", ".md")).containsExactly("pm/c.md");
            }
        }
    }

    @Test
    void aRevisionsTreeIsReadFromGitsObjects() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("pm/a.md", "first");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").call();
            write("pm/a.md", "second");
            write("pm/b.md", "new");
            git.add().addFilepattern(".").call();
            try (TrackedFiles files = TrackedFiles.find(repo)) {
                var atHead = files.atRevision("HEAD", "pm", ".md");
                assertThat(atHead).extracting(TrackedFiles.Entry::path).containsExactly("pm/a.md");
                assertThat(new String(files.read(atHead.get(0).blob(), 1000), StandardCharsets.UTF_8))
                        .isEqualTo("first");
                assertThat(files.atRevision("main", "", ".md")).hasSize(1);
                assertThat(files.index("pm", ".md")).hasSize(2);
                assertThatThrownBy(() -> files.atRevision("no-such-branch", "pm", ".md"))
                        .isInstanceOf(InputException.class)
                        .hasMessage("--rev 'no-such-branch' is not a revision in this repository; name a branch, "
                                + "tag or commit (see git log)");
                assertThatThrownBy(() -> files.atRevision("HEAD~5", "pm", ".md")).isInstanceOf(InputException.class);
                assertThatThrownBy(() -> files.atRevision("::bad::", "pm", ".md")).isInstanceOf(InputException.class);
            }
        }
    }

    @Test
    void aBlobLargerThanTheLimitIsRefused() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("pm/a.md", "0123456789");
            git.add().addFilepattern(".").call();
            try (TrackedFiles files = TrackedFiles.find(repo)) {
                ObjectId blob = files.index("pm", ".md").get(0).blob();
                assertThat(files.read(blob, 10)).hasSize(10);
                assertThatThrownBy(() -> files.read(blob, 9))
                        .isInstanceOf(org.eclipse.jgit.errors.LargeObjectException.class);
            }
        }
    }

    @Test
    void aRepositoryWithoutCommitsHasAnIndexButNoRevisions() throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            try (TrackedFiles files = TrackedFiles.find(repo)) {
                assertThat(files.index("", ".md")).isEmpty();
                assertThatThrownBy(() -> files.atRevision("HEAD", "", ".md")).isInstanceOf(InputException.class);
            }
        }
    }

    @Test
    void aLinkedWorktreeIsOpenedWithItsOwnIndexAndHead(@TempDir Path other) throws Exception {
        try (Git git = TempGit.init(repo, "x")) {
            write("pm/a.md", "main");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").call();
            // what `git worktree add` leaves behind, written by hand (JGit cannot create worktrees)
            Path wtGit = repo.resolve(".git/worktrees/wt");
            Files.createDirectories(wtGit);
            Path wt = other.resolve("wt");
            Files.createDirectories(wt.resolve("pm"));
            Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
            Files.writeString(wtGit.resolve("gitdir"), wt.resolve(".git") + "\n");
            Files.writeString(wtGit.resolve("commondir"), "../..\n");
            Files.writeString(wtGit.resolve("HEAD"), git.getRepository().resolve("HEAD").name() + "\n");
            Files.writeString(wt.resolve("pm/b.md"), "worktree");
            try (TrackedFiles files = TrackedFiles.find(wt.resolve("pm"))) {
                assertThat(files.workTree()).isEqualTo(wt);
                assertThat(files.atRevision("HEAD", "pm", ".md")).extracting(TrackedFiles.Entry::path)
                        .containsExactly("pm/a.md");
                assertThat(files.untracked("pm", ".md")).containsExactly("pm/b.md");
            }
        }
    }

    @Test
    void theSystemGitConfigIsNotReadSoNoGitProgramRuns() throws Exception {
        try (Git git = TempGit.init(repo, "x"); TrackedFiles files = TrackedFiles.find(repo)) {
            assertThat(files.index("", ".md")).isEmpty(); // read without JGit
            assertThat(files.untracked("", ".md")).isEmpty(); // JGit opens the repository for this
            var system = org.eclipse.jgit.util.SystemReader.getInstance()
                    .openSystemConfig(null, org.eclipse.jgit.util.FS.DETECTED);
            system.load();
            assertThat(system.getFile()).isNull();
            assertThat(system.getSections()).isEmpty();
        }
    }
}
