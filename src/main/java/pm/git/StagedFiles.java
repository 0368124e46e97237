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
import org.eclipse.jgit.lib.ObjectReader;
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
 * A file counts as staged when its index entry differs from HEAD (added, copied, modified); deletions,
 * links and submodules are left out. Runs no git command and no hook. Close it when done: it keeps the
 * repository open so the staged content can be read.
 */
public final class StagedFiles implements AutoCloseable {
    /** A staged file: where it is in the working tree, and its staged content's blob. */
    public record Entry(Path file, ObjectId blob) {
    }

    private final Repository repo;
    private final List<Entry> files;

    private StagedFiles(Repository repo, List<Entry> files) {
        this.repo = repo;
        this.files = List.copyOf(files);
    }

    /** The staged files, in path order. */
    public List<Entry> files() {
        return files;
    }

    /**
     * Lists what is staged in the repository around {@code cwd}.
     *
     * @param within only files at or below these paths (absolute); all of the repository when empty
     */
    public static StagedFiles list(Path cwd, Map<String, String> env, List<Path> within) throws InputException {
        Repository repo = Repositories.openForReading(cwd, env, "--staged reads the git index; run it inside the "
                + "repository, or lint files by path");
        try {
            return new StagedFiles(repo, entries(repo, within));
        } catch (InputException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    private static List<Entry> entries(Repository repo, List<Path> within) throws InputException {
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
        List<Entry> out = new ArrayList<>();
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
                if (MarkdownFiles.isMarkdown(file) && (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)) {
                    out.add(new Entry(file, tw.getObjectId(1)));
                }
            }
        } catch (IOException e) {
            throw new InputException(top, 0, "cannot compare the git index with HEAD: " + e.getMessage());
        }
        return out;
    }

    /** The staged content of a file this listing holds; safe to call from several threads. */
    public byte[] read(Entry entry) throws InputException {
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectLoader blob = reader.open(entry.blob(), Constants.OBJ_BLOB);
            if (blob.getSize() > TextFiles.MAX_BYTES) {
                throw new InputException(entry.file(), 0, "staged file is larger than pm reads ("
                        + TextFiles.MAX_BYTES / (1024 * 1024) + " MB)");
            }
            return blob.getCachedBytes((int) TextFiles.MAX_BYTES);
        } catch (IOException | LargeObjectException e) {
            throw new InputException(entry.file(), 0, "cannot read the staged content: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
