package pm.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import pm.io.InputException;

/**
 * The files git knows about under a folder, listed with JGit: from the index (what is tracked now), from the
 * tree of a revision, or untracked-but-not-ignored. Never runs git, hooks or anything a repository supplies,
 * and never changes the repository or the working tree.
 */
public final class TrackedFiles implements AutoCloseable {
    /** A file git lists: its path relative to the work tree ('/' separated), its blob and whether it is a link. */
    public record Entry(String path, ObjectId blob, boolean symlink) {
    }

    /** Where the search for the repository started: JGit opens it from there when it is needed. */
    private final Path start;
    /** A plain repository found without JGit ({@link IndexFile}), or null. */
    private final IndexFile.Found plain;
    private Repository repo;

    private TrackedFiles(Path start, IndexFile.Found plain, Repository repo) {
        this.start = start;
        this.plain = plain;
        this.repo = repo;
    }

    /**
     * Opens the repository that contains {@code dir} (or its nearest existing parent).
     *
     * @return {@code null} when there is no git repository around {@code dir}
     */
    public static TrackedFiles find(Path dir) throws InputException {
        Path start = dir.toAbsolutePath().normalize();
        while (start != null && !Files.isDirectory(start)) {
            start = start.getParent();
        }
        if (start == null) {
            return null;
        }
        IndexFile.Search search = IndexFile.find(start, userConfigs());
        if (search instanceof IndexFile.NoRepository) {
            return null;
        }
        if (search instanceof IndexFile.Found found) {
            return new TrackedFiles(start, found, null); // JGit only if something more than the index is asked
        }
        Repository opened = open(start);
        return opened == null ? null : new TrackedFiles(start, null, opened);
    }

    /** The repository around {@code start} opened with JGit, or null when there is none. */
    private static Repository open(Path start) throws InputException {
        Repositories.ignoreSystemConfig(); // JGit would run git to find it; pm runs no programs
        FileRepositoryBuilder builder = Repositories.findFrom(new FileRepositoryBuilder(), start);
        if (builder.getGitDir() == null) {
            return null;
        }
        try {
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(builder.getGitDir().toPath(), 0, "cannot open the git repository: "
                    + e.getMessage());
        }
    }

    /** The user's git configs, which JGit reads besides the repository's. */
    private static List<Path> userConfigs() {
        Path home = Path.of(System.getProperty("user.home", "/"));
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path xdgHome = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return List.of(home.resolve(".gitconfig"), xdgHome.resolve("git").resolve("config"));
    }

    /** The repository, opened with JGit on first use when it was found without. */
    private synchronized Repository repo() throws InputException {
        if (repo == null) {
            repo = open(start);
            if (repo == null) {
                throw new InputException(plain.gitDir(), 0, "cannot open the git repository");
            }
        }
        return repo;
    }

    /** The repository through JGit, for {@link FileHistory}. */
    Repository repository() throws InputException {
        return repo();
    }

    /** The work tree's root, or {@code null} for a bare repository. */
    public Path workTree() {
        if (plain != null) {
            return plain.workTree();
        }
        return repo.isBare() ? null : repo.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    public Path gitDir() {
        return plain != null ? plain.gitDir() : repo.getDirectory().toPath();
    }

    /**
     * The files in the index whose path starts with {@code prefix} (a folder relative to the work tree, '/'
     * separated, empty for all) and ends with {@code suffix}, in path order. Reads the index once.
     */
    public List<Entry> index(String prefix, String suffix) throws InputException {
        if (plain != null) {
            List<Entry> read = IndexFile.read(plain.gitDir().resolve("index"), folderPrefix(prefix), suffix);
            if (read != null) {
                return read;
            }
        }
        DirCache dc;
        try {
            dc = repo().readDirCache();
        } catch (IOException | RuntimeException e) {
            throw new InputException(gitDir().resolve("index"), 0, "cannot read the git index: " + e.getMessage());
        }
        String folder = folderPrefix(prefix);
        List<Entry> out = new ArrayList<>();
        String last = null;
        for (int i = 0; i < dc.getEntryCount(); i++) {
            DirCacheEntry e = dc.getEntry(i);
            String path = e.getPathString();
            if (!path.startsWith(folder) || !path.endsWith(suffix) || path.equals(last)) {
                continue; // a merge conflict lists a path once per stage: keep the first
            }
            FileMode mode = e.getFileMode();
            if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.SYMLINK) {
                out.add(new Entry(path, e.getObjectId(), mode == FileMode.SYMLINK));
                last = path;
            }
        }
        return out;
    }

    /** Like {@link #index} but from the tree committed at {@code rev} (a branch, tag, commit or other revision). */
    public List<Entry> atRevision(String rev, String prefix, String suffix) throws InputException {
        return atRevision(rev, prefix, path -> path.endsWith(suffix));
    }

    /** The files under {@code prefix} at {@code rev} whose path (relative to the work tree) {@code wanted} takes. */
    public List<Entry> atRevision(String rev, String prefix, java.util.function.Predicate<String> wanted)
            throws InputException {
        Repository repo = repo();
        ObjectId tree = tree(repo, rev);
        String folder = folderPrefix(prefix);
        List<Entry> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(rw.parseTree(tree));
            walk.setRecursive(true);
            if (!folder.isEmpty()) {
                walk.setFilter(PathFilter.create(folder.substring(0, folder.length() - 1)));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (wanted.test(path) && (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE
                        || mode == FileMode.SYMLINK)) {
                    out.add(new Entry(path, walk.getObjectId(0), mode == FileMode.SYMLINK));
                }
            }
        } catch (IOException e) {
            throw new InputException("--rev '" + rev + "' cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static ObjectId tree(Repository repo, String rev) throws InputException {
        ObjectId tree;
        try {
            tree = repo.resolve(rev + "^{tree}");
        } catch (IOException | RevisionSyntaxException e) {
            tree = null;
        }
        if (tree == null) {
            throw new InputException("--rev '" + rev + "' is not a revision in this repository; name a branch, tag "
                    + "or commit (see git log)");
        }
        return tree;
    }

    /** Whether the tree at {@code rev} has a file or folder at {@code path} (relative to the work tree). */
    public boolean exists(String rev, String path) throws InputException {
        String p = folderPrefix(path);
        if (p.isEmpty()) {
            return true;
        }
        Repository repo = repo();
        try (RevWalk rw = new RevWalk(repo);
                TreeWalk walk = TreeWalk.forPath(repo, p.substring(0, p.length() - 1), rw.parseTree(tree(repo, rev)))) {
            return walk != null;
        } catch (IOException e) {
            throw new InputException("--rev '" + rev + "' cannot be read: " + e.getMessage());
        }
    }

    /** Files under {@code prefix} ending with {@code suffix} that are neither tracked nor ignored. */
    public List<String> untracked(String prefix, String suffix) throws InputException {
        String folder = folderPrefix(prefix);
        Set<String> out = new TreeSet<>();
        // A walk of the index beside the working tree, not `git status`: status compares file contents,
        // which runs the repository's clean filters (commands from .git/config); this only compares names.
        Repository repo = repo();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new DirCacheIterator(repo.readDirCache()));
            walk.addTree(new FileTreeIterator(repo));
            if (!folder.isEmpty()) {
                walk.setFilter(PathFilter.create(folder.substring(0, folder.length() - 1)));
            }
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(1, WorkingTreeIterator.class);
                if (file == null || file.isEntryIgnored()) {
                    continue; // only in the index, or ignored (a whole ignored folder is not entered)
                }
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                    continue;
                }
                String path = walk.getPathString();
                if (walk.getTree(0, DirCacheIterator.class) == null && path.startsWith(folder)
                        && path.endsWith(suffix)) {
                    out.add(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(workTree(), 0, "cannot list untracked files: " + e.getMessage());
        }
        return new ArrayList<>(out);
    }

    /**
     * The content of a blob; one larger than {@code maxBytes} throws {@link LargeObjectException}. Safe to call
     * from several threads.
     */
    public byte[] read(ObjectId blob, long maxBytes) throws IOException {
        Repository repo;
        try {
            repo = repo();
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            if (loader.getSize() > maxBytes) {
                throw new LargeObjectException.ExceedsLimit(maxBytes, loader.getSize());
            }
            return loader.getCachedBytes((int) Math.min(Integer.MAX_VALUE, maxBytes));
        }
    }

    private static String folderPrefix(String prefix) {
        String p = prefix == null ? "" : prefix.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.equals(".") ? "" : p + "/";
    }

    @Override
    public synchronized void close() {
        if (repo != null) {
            repo.close();
        }
    }
}
