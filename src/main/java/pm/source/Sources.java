package pm.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.LargeObjectException;
import pm.git.StagedFiles;
import pm.git.TrackedFiles;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;

/**
 * Where postmortems come from, each as a {@link Listing} of named {@link Input}s: folders and files on disk, what
 * is staged, what git tracks, and what a revision holds. Every command reads postmortems through these, so the
 * same file has the same name and is read the same way everywhere.
 */
public final class Sources {
    /** What {@code pm overdue} reads: Markdown files named so, as git tracks them. */
    public static final String SUFFIX = ".md";
    /** What is wrong with a folder of postmortems that does not exist. */
    public static final String NO_SUCH_FOLDER = "no such folder; name the folder of postmortems (pm overdue DIR)";

    private Sources() {
    }

    /**
     * Files and folders on disk, in the order given: each folder searched for {@code *.md} and {@code *.markdown}
     * ({@link MarkdownFiles}; what it cannot read follows its files), each file as it is, and a path that does not
     * exist unreadable.
     *
     * @param byDefault whether the paths are the configured {@code postmortems_dir}, not paths the user named
     */
    public static Listing paths(List<Path> targets, boolean byDefault, Names names) {
        List<Listing.Entry> out = new ArrayList<>();
        for (Path target : targets) {
            if (Files.isDirectory(target)) {
                MarkdownFiles.Walk walk = MarkdownFiles.under(target);
                for (Path file : walk.files()) {
                    BasicFileAttributes attrs = walk.attributes(file);
                    out.add(new Input(names.of(file), file, () -> TextFiles.readBytes(file, attrs)));
                }
                for (InputException e : walk.errors()) {
                    out.add(new Listing.Unreadable(e));
                }
            } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new Input(names.of(target), target, () -> TextFiles.readBytes(target, null)));
            } else {
                out.add(new Listing.Unreadable(new InputException(target, 0, byDefault
                        ? "no such directory: it is postmortems_dir (default 'postmortems'); run 'pm init', set "
                        + "postmortems_dir in .pm.yml, or name the files to lint"
                        : "no such file or directory")));
            }
        }
        return Listing.of(out);
    }

    /**
     * What is staged for the next commit under {@code within} (all of the repository when empty), with the
     * content as staged ({@link StagedFiles}).
     */
    public static Listing staged(Path cwd, Map<String, String> env, List<Path> within, Names names)
            throws InputException {
        StagedFiles staged = StagedFiles.list(cwd, env, within);
        List<Listing.Entry> out = new ArrayList<>();
        for (StagedFiles.Entry e : staged.files()) {
            Path file = e.file();
            out.add(new Input(names.of(file), file, () -> staged.read(e)));
        }
        return new Listing(out, staged);
    }

    /**
     * The postmortems under each of {@code targets} as committed at {@code rev} ({@code pm lint --rev}): Markdown
     * files ({@code *.md}, {@code *.markdown}) read from git's objects. A path that {@code rev} does not have is
     * unreadable.
     */
    public static Listing revision(List<Path> targets, String rev, boolean byDefault, Names names)
            throws InputException {
        Path start = targets.isEmpty() ? names.cwd() : targets.get(0);
        TrackedFiles git = TrackedFiles.find(start);
        if (git == null) {
            throw new InputException(start, 0, "not inside a git repository; --rev reads a revision of one");
        }
        try {
            List<Listing.Entry> out = new ArrayList<>();
            for (Path target : targets) {
                Path root = realWorkTree(git, target, rev, "lint it by path, or run pm lint --rev inside its "
                        + "repository");
                String prefix = root == null ? "" : prefix(target, root);
                int before = out.size();
                out.addAll(atRevision(git, prefix, rev, names, p -> MarkdownFiles.isMarkdown(Path.of(p))));
                if (out.size() == before && !git.exists(rev, prefix)) {
                    out.add(new Listing.Unreadable(new InputException(target, 0, byDefault
                            ? "no such directory at " + rev + ": it is postmortems_dir (default 'postmortems'); "
                            + "set postmortems_dir in .pm.yml, or name the files to lint"
                            : "no such file or directory at " + rev)));
                }
            }
            return new Listing(out, git);
        } catch (InputException | RuntimeException e) {
            git.close();
            throw e;
        }
    }

    /** The postmortems under {@code dir} in the index, plus untracked (not ignored) ones when asked. */
    public static Listing tracked(TrackedFiles git, Path dir, boolean includeUntracked, Names names)
            throws InputException {
        Path root = realWorkTree(git, dir, null);
        String prefix = prefix(dir, root);
        List<Listing.Entry> out = new ArrayList<>();
        for (TrackedFiles.Entry e : git.index(prefix, SUFFIX)) {
            Path file = git.workTree().resolve(e.path());
            out.add(new Input(names.of(file), file, () -> {
                if (!e.symlink() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    // outside a sparse checkout's cone, or deleted and not yet committed: git still tracks it, so
                    // what the index holds is read, as --rev reads a commit
                    return blob(git, e, file, "the git index");
                }
                return readWorkTree(file, root, true);
            }));
        }
        if (includeUntracked) {
            for (String path : git.untracked(prefix, SUFFIX)) {
                Path file = git.workTree().resolve(path);
                out.add(new Input(names.of(file), file, () -> readWorkTree(file, root, false)));
            }
        }
        return Listing.of(out);
    }

    /** The postmortems under {@code dir} as committed at {@code rev}, read from git's objects. */
    public static Listing atRevision(TrackedFiles git, Path dir, String rev, Names names) throws InputException {
        Path root = realWorkTree(git, dir, rev);
        String prefix = root == null ? "" : prefix(dir, root);
        return Listing.of(atRevision(git, prefix, rev, names, p -> p.endsWith(SUFFIX)));
    }

    private static List<Listing.Entry> atRevision(TrackedFiles git, String prefix, String rev, Names names,
            Predicate<String> wanted) throws InputException {
        Path base = git.workTree() != null ? git.workTree() : git.gitDir();
        List<Listing.Entry> out = new ArrayList<>();
        for (TrackedFiles.Entry e : git.atRevision(rev, prefix, wanted)) {
            Path file = base.resolve(e.path());
            if (e.symlink()) {
                out.add(new Listing.Unreadable(new InputException(file, 0, "is a symbolic link at " + rev
                        + "; pm reads only regular files from a revision")));
                continue;
            }
            out.add(new Input(names.of(file), file, () -> blob(git, e, file, rev)));
        }
        return out;
    }

    /** The content git stores for an entry, read from its objects; {@code where} names the revision or index. */
    private static byte[] blob(TrackedFiles git, TrackedFiles.Entry e, Path file, String where) throws InputException {
        try {
            return git.read(e.blob(), TextFiles.MAX_BYTES);
        } catch (LargeObjectException ex) {
            throw new InputException(file, 0, "file is more than pm reads (" + TextFiles.MAX_BYTES
                    / (1024 * 1024) + " MB); move logs and data out of the postmortem");
        } catch (IOException ex) {
            throw new InputException(file, 0, "cannot be read from " + where + ": " + ex.getMessage());
        }
    }

    /**
     * Without git: every {@code *.md} file under {@code dir} as it is on disk, in path order; a link is followed
     * only when it stays inside {@code root} (or {@code dir}, when that is outside {@code root}).
     */
    public static Listing scan(Path dir, Path root, Names names) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, 0, Files.exists(dir) ? "is a file; pm overdue takes the folder of "
                    + "postmortems" : NO_SUCH_FOLDER);
        }
        Path realDir = real(dir);
        Path realRoot = real(root);
        Path limit = realDir.startsWith(realRoot) ? realRoot : realDir;
        MarkdownFiles.Walk walk = MarkdownFiles.under(dir);
        List<Path> files = new ArrayList<>(walk.files());
        List<Listing.Entry> out = new ArrayList<>();
        for (InputException e : walk.errors()) {
            out.add(new Listing.Unreadable(e));
        }
        files.sort(null);
        for (Path f : files) {
            out.add(new Input(names.of(f), f, () -> readWorkTree(f, limit, false)));
        }
        return Listing.of(out);
    }

    /** Reads a file of the working tree; a link is followed only when it stays inside {@code root}. */
    private static byte[] readWorkTree(Path file, Path root, boolean tracked) throws InputException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, tracked
                    ? "tracked by git but missing from the working tree; restore it (git restore) or commit "
                    + "its deletion" : "no such file");
        } catch (IOException e) {
            attrs = null; // TextFiles.read says what is wrong
        }
        if (attrs != null && attrs.isSymbolicLink()) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                throw new InputException(file, 0, "is a broken symbolic link");
            }
            if (!target.startsWith(root)) {
                throw new InputException(file, 0, "is a symbolic link to " + target + ", outside "
                        + (tracked ? "the repository" : "the folder") + "; pm does not follow it");
            }
        }
        return TextFiles.readBytes(file, attrs);
    }

    /** The real work tree, checking that {@code dir} is inside it; {@code null} for a bare repository with --rev. */
    private static Path realWorkTree(TrackedFiles git, Path dir, String rev) throws InputException {
        return realWorkTree(git, dir, rev, "run pm overdue inside that folder's repository, or add --no-git to scan "
                + "it as it is");
    }

    /** @param what what to do when {@code dir} is outside the repository */
    private static Path realWorkTree(TrackedFiles git, Path dir, String rev, String what) throws InputException {
        if (git.workTree() == null) {
            if (rev == null) {
                throw new InputException(git.gitDir(), 0, "is a bare repository: it has no working tree; read a "
                        + "revision with --rev (e.g. --rev main)");
            }
            return null;
        }
        Path root = real(git.workTree());
        if (!real(dir).startsWith(root)) {
            throw new InputException(dir, 0, "is outside the git repository at " + git.workTree() + "; " + what);
        }
        if (rev == null && Files.isRegularFile(dir)) {
            throw new InputException(dir, 0, "is a file; pm overdue takes the folder of postmortems");
        }
        return root;
    }

    private static String prefix(Path dir, Path root) {
        return root.relativize(real(dir)).toString().replace(dir.getFileSystem().getSeparator(), "/");
    }

    /** The real path of {@code p}, resolving links in the part of it that exists. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
