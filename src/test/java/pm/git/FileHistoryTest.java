package pm.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pm.testing.TempGit;

/**
 * {@link FileHistory} compares raw trees itself (only where two versions of a folder differ); it must list exactly
 * the changes JGit's own tree diff lists, on random histories of adds, edits, deletes, nested folders, files
 * becoming folders and executable bits.
 */
class FileHistoryTest {
    @TempDir
    Path repo;

    @Test
    void listsTheSameChangesAsJGitsTreeDiffOnRandomHistories() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            Path dir = repo.resolve("r" + seed);
            Files.createDirectories(dir);
            try (Git git = TempGit.init(dir, "Ada")) {
                Random rnd = new Random(seed);
                List<String> names = List.of("a.md", "b.md", "c.txt", "sub/d.md", "sub/e.md", "sub/deep/f.md", "g.md",
                        "h", "h.md", "z.md");
                for (int c = 0; c < 40; c++) {
                    for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                        String name = names.get(rnd.nextInt(names.size()));
                        Path f = dir.resolve("postmortems").resolve(name);
                        int op = rnd.nextInt(10);
                        if (op < 2 && Files.isRegularFile(f)) {
                            Files.delete(f);
                        } else if (op == 2 && name.equals("h")) {
                            deleteTree(f);
                            Files.createDirectories(f);
                            Files.writeString(f.resolve("i.md"), "in a folder " + c);
                        } else if (op == 3 && Files.isRegularFile(f)) {
                            f.toFile().setExecutable(!f.toFile().canExecute());
                        } else {
                            if (Files.isDirectory(f)) {
                                deleteTree(f);
                            }
                            Files.createDirectories(f.getParent());
                            Files.writeString(f, "version " + c + " " + rnd.nextInt(3));
                        }
                    }
                    Files.writeString(dir.resolve("outside.md"), "outside " + c);
                    git.add().addFilepattern(".").call();
                    git.add().addFilepattern(".").setUpdate(true).call();
                    PersonIdent who = new PersonIdent("Ada", "a@example.com", Instant.parse("2025-01-01T00:00:00Z")
                            .plusSeconds(3600L * c), ZoneOffset.UTC);
                    git.commit().setMessage("c" + c).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
                }
                try (TrackedFiles tracked = TrackedFiles.find(dir)) {
                    for (String prefix : List.of("postmortems", "postmortems/sub", "")) {
                        List<String> mine = new ArrayList<>();
                        for (FileHistory.Commit c : FileHistory.of(tracked, null, prefix, ".md")) {
                            c.changes().forEach(ch -> mine.add(c.id() + " " + ch.path() + " " + ch.blob()));
                        }
                        assertThat(mine).as("seed %d, %s", seed, prefix)
                                .isEqualTo(reference(git.getRepository(), prefix, ".md"));
                        assertThat(mine).as("seed %d", seed).isNotEmpty();
                    }
                }
            }
        }
    }

    /** JGit's diff of each commit against its first parent, as FileHistory lists it. */
    private static List<String> reference(Repository repo, String folder, String suffix) throws Exception {
        List<String> out = new ArrayList<>();
        TreeFilter files = PathSuffixFilter.create(suffix);
        TreeFilter filter = folder.isEmpty() ? files : AndTreeFilter.create(PathFilter.create(folder), files);
        try (RevWalk walk = new RevWalk(repo); TreeWalk diff = new TreeWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("HEAD")));
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.sort(RevSort.REVERSE, true);
            diff.setRecursive(true);
            diff.setFilter(AndTreeFilter.create(filter, TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                diff.reset();
                if (c.getParentCount() > 0) {
                    diff.addTree(c.getParent(0).getTree());
                } else {
                    diff.addTree(new EmptyTreeIterator());
                }
                diff.addTree(c.getTree());
                while (diff.next()) {
                    FileMode mode = diff.getFileMode(1);
                    boolean file = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
                    if (!file && diff.getFileMode(0) == FileMode.MISSING) {
                        continue; // added as a link or a folder's file seen through the recursion: not a file
                    }
                    out.add(c.abbreviate(12).name() + " " + diff.getPathString() + " "
                            + (file ? diff.getObjectId(1) : null));
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
