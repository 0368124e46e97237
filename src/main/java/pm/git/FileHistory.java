package pm.git;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
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
import pm.io.InputException;

/**
 * The commits that changed files under a folder, oldest first, each with the blobs it wrote (or the files it
 * deleted): one walk of the history from a revision, limited to the folder, diffing each commit against its
 * first parent. Blobs are named, not read: the caller reads each new blob once ({@link TrackedFiles#read}).
 */
public final class FileHistory {
    private FileHistory() {
    }

    /**
     * One changed file of a commit.
     *
     * @param blob the content the commit gave it, or {@code null} when the commit deleted it
     */
    public record Change(String path, ObjectId blob) {
    }

    /**
     * A commit that changed the folder.
     *
     * @param id      the commit's abbreviated id (12 hex digits)
     * @param time    its committer date: when the change landed in this history
     * @param author  its author's name, as git records it (shown with what was closed; never counted)
     * @param changes the files it changed under the folder ({@code suffix} files only)
     */
    public record Commit(String id, Instant time, String author, String subject, List<Change> changes) {
        public Commit {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Why there is no history to read, or {@code null} when there is: no commit at {@code rev} (or HEAD), or a
     * shallow clone, whose oldest commits would all look like the first.
     */
    public static String missing(TrackedFiles git, String rev) throws InputException {
        Repository repo = git.repository();
        if (repo.getObjectDatabase() instanceof ObjectDirectory od) {
            try {
                if (!od.getShallowCommits().isEmpty()) {
                    return "a shallow clone (git fetch --unshallow to read the history)";
                }
            } catch (IOException e) {
                return "the shallow-clone list cannot be read: " + e.getMessage();
            }
        }
        try {
            return repo.resolve((rev == null ? "HEAD" : rev) + "^{commit}") == null ? "no commits yet" : null;
        } catch (IOException | RevisionSyntaxException e) {
            return "no commits yet";
        }
    }

    /** The committer date of a revision, or {@code null} when it names no commit. */
    public static Instant commitTime(TrackedFiles git, String rev) throws InputException {
        Repository repo = git.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(rev + "^{commit}");
            return id == null ? null : Instant.ofEpochSecond(walk.parseCommit(id).getCommitTime());
        } catch (IOException | RevisionSyntaxException e) {
            return null;
        }
    }

    /**
     * The commits reachable from {@code rev} (HEAD when {@code null}) that changed a {@code suffix} file under
     * {@code prefix} (a folder relative to the work tree, '/' separated, empty for all), oldest first.
     */
    public static List<Commit> of(TrackedFiles git, String rev, String prefix, String suffix) throws InputException {
        Repository repo = git.repository();
        String folder = prefix == null ? "" : prefix.replace('\\', '/').replaceAll("^/+|/+$", "");
        if (folder.equals(".")) {
            folder = "";
        }
        TreeFilter files = PathSuffixFilter.create(suffix);
        TreeFilter filter = folder.isEmpty() ? files : AndTreeFilter.create(PathFilter.create(folder), files);
        List<Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk diff = new TreeWalk(repo)) {
            ObjectId start = repo.resolve((rev == null ? "HEAD" : rev) + "^{commit}");
            if (start == null) {
                return out;
            }
            walk.markStart(walk.parseCommit(start));
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.sort(RevSort.REVERSE, true);
            // no tree filter on the walk: it would diff every commit once more to pick the ones the loop below diffs
            diff.setRecursive(true);
            diff.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, filter)); // an equal entry is left at once
            for (RevCommit c : walk) {
                diff.reset();
                if (c.getParentCount() > 0) {
                    diff.addTree(c.getParent(0).getTree());
                } else {
                    diff.addTree(new EmptyTreeIterator());
                }
                diff.addTree(c.getTree());
                List<Change> changes = new ArrayList<>();
                while (diff.next()) {
                    FileMode mode = diff.getFileMode(1);
                    boolean file = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
                    changes.add(new Change(diff.getPathString(), file ? diff.getObjectId(1) : null));
                }
                if (!changes.isEmpty()) {
                    out.add(new Commit(c.abbreviate(12).name(), Instant.ofEpochSecond(c.getCommitTime()),
                            c.getAuthorIdent().getName(), c.getShortMessage(), changes));
                }
            }
        } catch (IOException | RevisionSyntaxException e) {
            throw new InputException("the git history cannot be read: " + e.getMessage() + "; add --no-git to "
                    + "report without it");
        }
        return out;
    }
}
