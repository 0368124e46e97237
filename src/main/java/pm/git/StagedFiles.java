package pm.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;

/**
 * The Markdown files staged for the next commit, with their content as staged: read from the git index
 * ({@code GIT_INDEX_FILE} when set, as during {@code git commit -- paths}), not from the working tree.
 * A file counts as staged when its index entry differs from HEAD (added, copied, modified); deletions
 * are left out. Runs no git command and no hook.
 */
public final class StagedFiles {
    private StagedFiles() {
    }

    /** Receives each staged file: its path in the working tree and its staged bytes. */
    @FunctionalInterface
    public interface Consumer {
        void accept(Path file, byte[] content) throws InputException;
    }

    /** What the walk could not read, one per file; the others are still delivered. */
    public record Problems(List<InputException> errors) {
    }

    /**
     * @param within only files at or below these paths (absolute); all of the repository when empty
     */
    public static Problems forEach(Path cwd, Map<String, String> env, List<Path> within, Consumer consumer)
            throws InputException {
        List<InputException> errors = new ArrayList<>();
        try (Repository repo = Repositories.openForReading(cwd, env, "--staged reads the git index; run it inside the "
                + "repository, or lint files by path")) {
            if (repo.isBare()) {
                throw new InputException("--staged needs a working tree; this repository is bare");
            }
            Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            List<String> prefixes = new ArrayList<>();
            boolean all = within.isEmpty();
            for (Path p : within) {
                Path abs = p.toAbsolutePath().normalize();
                if (!abs.startsWith(top)) {
                    throw new InputException(p, 0, "is outside the git repository at " + top);
                }
                String rel = top.relativize(abs).toString().replace('\\', '/');
                all |= rel.isEmpty();
                prefixes.add(rel);
            }
            DirCache index;
            try {
                index = repo.readDirCache();
            } catch (IOException e) {
                throw new InputException(repo.getIndexFile().toPath(), 0, "cannot read the git index: "
                        + e.getMessage());
            }
            try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
                ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
                tw.setRecursive(true);
                if (head != null) {
                    tw.addTree(rw.parseTree(head));
                } else {
                    tw.addTree(new EmptyTreeIterator());
                }
                tw.addTree(new DirCacheIterator(index));
                tw.setFilter(all ? TreeFilter.ANY_DIFF
                        : AndTreeFilter.create(PathFilterGroup.createFromStrings(prefixes), TreeFilter.ANY_DIFF));
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(1);
                    Path file = top.resolve(tw.getPathString());
                    if (!MarkdownFiles.isMarkdown(file)
                            || !(mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)) {
                        continue; // deleted, a symlink or a submodule: nothing to lint
                    }
                    try {
                        ObjectLoader blob = repo.open(tw.getObjectId(1), Constants.OBJ_BLOB);
                        if (blob.getSize() > TextFiles.MAX_BYTES) {
                            throw new InputException(file, 0, "staged file is larger than pm reads ("
                                    + TextFiles.MAX_BYTES / (1024 * 1024) + " MB)");
                        }
                        consumer.accept(file, blob.getCachedBytes((int) TextFiles.MAX_BYTES));
                    } catch (InputException e) {
                        errors.add(e);
                    } catch (IOException | LargeObjectException e) {
                        errors.add(new InputException(file, 0, "cannot read the staged content: " + e.getMessage()));
                    }
                }
            } catch (IOException e) {
                throw new InputException(top, 0, "cannot compare the git index with HEAD: " + e.getMessage());
            }
        }
        return new Problems(errors);
    }
}
