package pm.overdue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jgit.errors.LargeObjectException;
import pm.git.TrackedFiles;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;

/**
 * Which files {@code pm overdue} reads: the {@code *.md} files under a folder as git tracks them (the index),
 * as committed at a revision, or, outside git, as they are on disk. Symbolic links are read only when they
 * point inside the repository (or, without git, inside the folder).
 */
public final class PostmortemFiles {
    public static final String SUFFIX = ".md";
    /** What is wrong with a folder of postmortems that does not exist. */
    public static final String NO_SUCH_FOLDER = "no such folder; name the folder of postmortems (pm overdue DIR)";

    private PostmortemFiles() {
    }

    /** The files to read, and those that could not even be offered (e.g. tracked but deleted). */
    public record Listing(List<PostmortemInput> inputs, List<Skipped> skipped) {
    }

    /** The postmortems under {@code dir} in the index, plus untracked (not ignored) ones when asked. */
    public static Listing tracked(TrackedFiles git, Path dir, boolean includeUntracked,
            Function<Path, String> display) throws InputException {
        Path root = realWorkTree(git, dir, null);
        String prefix = prefix(dir, root);
        List<PostmortemInput> inputs = new ArrayList<>();
        for (TrackedFiles.Entry e : git.index(prefix, SUFFIX)) {
            Path file = git.workTree().resolve(e.path());
            inputs.add(new PostmortemInput(display.apply(file), () -> readWorkTree(file, root, true)));
        }
        if (includeUntracked) {
            for (String path : git.untracked(prefix, SUFFIX)) {
                Path file = git.workTree().resolve(path);
                inputs.add(new PostmortemInput(display.apply(file), () -> readWorkTree(file, root, false)));
            }
        }
        return new Listing(inputs, List.of());
    }

    /** The postmortems under {@code dir} as committed at {@code rev}, read from git's objects. */
    public static Listing atRevision(TrackedFiles git, Path dir, String rev, Function<Path, String> display)
            throws InputException {
        Path root = realWorkTree(git, dir, rev);
        String prefix = root == null ? "" : prefix(dir, root);
        Path base = git.workTree() != null ? git.workTree() : git.gitDir();
        List<PostmortemInput> inputs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (TrackedFiles.Entry e : git.atRevision(rev, prefix, SUFFIX)) {
            Path file = base.resolve(e.path());
            String shown = display.apply(file);
            if (e.symlink()) {
                skipped.add(new Skipped(shown, 0, "is a symbolic link at " + rev + "; pm reads only regular files "
                        + "from a revision"));
                continue;
            }
            inputs.add(new PostmortemInput(shown, () -> {
                try {
                    return TextFiles.decode(file, git.read(e.blob(), TextFiles.MAX_BYTES));
                } catch (LargeObjectException ex) {
                    throw new InputException(file, 0, "file is more than pm reads (" + TextFiles.MAX_BYTES
                            / (1024 * 1024) + " MB); move logs and data out of the postmortem");
                } catch (IOException ex) {
                    throw new InputException(file, 0, "cannot be read from " + rev + ": " + ex.getMessage());
                }
            }));
        }
        return new Listing(inputs, skipped);
    }

    /** Without git: every {@code *.md} file under {@code dir} as it is on disk. */
    public static Listing scan(Path dir, Path root, Function<Path, String> display) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, 0, Files.exists(dir) ? "is a file; pm overdue takes the folder of "
                    + "postmortems" : NO_SUCH_FOLDER);
        }
        Path realDir = real(dir);
        Path realRoot = real(root);
        Path limit = realDir.startsWith(realRoot) ? realRoot : realDir;
        MarkdownFiles.Walk walk = MarkdownFiles.under(dir);
        List<Path> files = new ArrayList<>(walk.files());
        List<Skipped> skipped = new ArrayList<>();
        for (InputException e : walk.errors()) {
            skipped.add(new Skipped(display.apply(e.file()), 0, e.getMessage()));
        }
        files.sort(null);
        List<PostmortemInput> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(new PostmortemInput(display.apply(f), () -> readWorkTree(f, limit, false)));
        }
        return new Listing(inputs, skipped);
    }

    /** Reads a file of the working tree; a link is followed only when it stays inside {@code root}. */
    private static pm.model.SourceText readWorkTree(Path file, Path root, boolean tracked) throws InputException {
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
        return TextFiles.read(file, attrs);
    }

    /** The real work tree, checking that {@code dir} is inside it; {@code null} for a bare repository with --rev. */
    private static Path realWorkTree(TrackedFiles git, Path dir, String rev) throws InputException {
        if (git.workTree() == null) {
            if (rev == null) {
                throw new InputException(git.gitDir(), 0, "is a bare repository: it has no working tree; read a "
                        + "revision with --rev (e.g. --rev main)");
            }
            return null;
        }
        Path root = real(git.workTree());
        if (!real(dir).startsWith(root)) {
            throw new InputException(dir, 0, "is outside the git repository at " + git.workTree()
                    + "; run pm overdue inside that folder's repository, or add --no-git to scan it as it is");
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
