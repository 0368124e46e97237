package pm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;

/**
 * Writes that never leave a half-written or clobbered file: content goes to a temporary file in the
 * same directory first, then takes the target's name in one step.
 *
 * <p>A new file gets the permissions the user's umask gives (0666 &amp; ~umask, and a directory's default ACL),
 * as an editor's or git's would: the temporary file is created without asking for any, so the system applies
 * them ({@code Files.createTempFile} asked for 0600 whatever the umask). Java cannot read the umask; it need not.
 * A replaced file keeps its owner, group and permissions. The temporary file is pm's own:
 * {@code .<name>.pm-<12 letters or digits>.tmp}, hidden.
 */
public final class AtomicFiles {
    /** How bytes reach a new file. Tests in this package replace it to simulate a full disk. */
    interface Sink {
        void write(OutputStream out, byte[] content) throws IOException;
    }

    static volatile Sink sink = OutputStream::write;

    /** The most of a target's name a temporary file repeats, so that its name stays within 255 bytes. */
    private static final int NAME_IN_TEMPORARY = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Creates {@code target} with {@code content}, failing if it exists. Of two concurrent calls for the
     * same path, exactly one succeeds: the name is claimed with a hard link, which the file system
     * refuses atomically when the name is taken.
     */
    public static void createNew(Path target, byte[] content) throws InputException {
        try {
            if (!claim(target, content, null)) {
                throw new FileAlreadyExistsException(target.toString());
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException(target, 0, "already exists; pm never overwrites a postmortem "
                    + "(choose another title or --date, or edit the existing file)");
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
    }

    /**
     * Writes a copy of {@code source} (its bytes, permissions, and owner and group where this process may set
     * them) as {@code copy}, unless a file of that name is there: then nothing is written and the answer is false.
     * A symbolic link at {@code source} is followed.
     */
    public static boolean copyNew(Path source, Path copy) throws InputException {
        byte[] content;
        PosixFileAttributes like = null;
        try {
            content = Files.readAllBytes(source);
            try {
                like = posixAttributes(source);
            } catch (UnsupportedOperationException e) {
                // no POSIX attributes here: what the system gives a new file
            }
        } catch (IOException e) {
            throw new InputException(source, 0, "cannot be read to keep a copy: " + reason(e) + " (nothing was "
                    + "changed)");
        }
        try {
            return claim(copy, content, like);
        } catch (IOException e) {
            throw writeFailure(copy, e);
        }
    }

    /**
     * Writes {@code content} to a temporary file and gives it the name {@code target} unless that is taken.
     *
     * @param like the owner, group and permissions to give the file; null for what a new file gets
     * @return false when {@code target} exists (a dangling link included); nothing is written then
     */
    private static boolean claim(Path target, byte[] content, PosixFileAttributes like) throws IOException {
        Path tmp = null;
        try {
            tmp = writeTemp(parent(target), target, content, like);
            try {
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (some network or FAT file systems): O_EXCL create, then write
                OutputStream out;
                try {
                    out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    return false;
                }
                try (out) {
                    if (like != null) {
                        keep(target, like);
                    }
                    sink.write(out, content);
                } catch (IOException | RuntimeException partial) {
                    deleteQuietly(target); // ours, created just above: never leave half a file
                    throw partial;
                }
                return true;
            }
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Replaces {@code target} with {@code content}, keeping its owner and group (where this process may set them)
     * and its permissions; the old file stays whole on failure. The name is replaced: a symbolic link there is
     * replaced by the new file (write to {@link #linkTarget} to keep it a link).
     */
    public static void replace(Path target, byte[] content) throws InputException {
        Path dir = parent(target);
        Path tmp = null;
        try {
            PosixFileAttributes like = null;
            try {
                like = posixAttributes(target);
            } catch (NoSuchFileException | UnsupportedOperationException ignored) {
                // a new file, or no POSIX attributes here: what the system gives a new file
            }
            tmp = writeTemp(dir, target, content, like);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw writeFailure(target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The real file a symbolic link at {@code file} leads to, or {@code file} when it is no link. */
    public static Path linkTarget(Path file) throws InputException {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new InputException(file, 0, "is a broken symbolic link; fix or remove the link (nothing was "
                    + "changed)");
        }
    }

    /** Creates a directory and its parents, saying in one line why it cannot be when it cannot. */
    public static void createDirectories(Path dir) throws InputException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            Path file = e.getFile() == null ? dir : Path.of(e.getFile());
            throw new InputException(dir, 0, "cannot create the directory: " + file + " is a file, not a directory; "
                    + "choose another directory");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            if ("Not a directory".equals(reason)) {
                reason = "a part of the path is a file, not a directory";
            }
            throw new InputException(dir, 0, "cannot create the directory ("
                    + (e instanceof AccessDeniedException && reason == null ? "permission denied" : reason)
                    + "); choose another directory or check its permissions");
        }
    }

    private static Path parent(Path target) {
        Path p = target.toAbsolutePath().getParent();
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }

    private static PosixFileAttributes posixAttributes(Path file) throws IOException {
        return Files.readAttributes(file, PosixFileAttributes.class);
    }

    /**
     * Writes {@code content} to a new temporary file next to {@code target}.
     *
     * @param like the owner, group and permissions to give the file; null for what a new file gets
     */
    private static Path writeTemp(Path dir, Path target, byte[] content, PosixFileAttributes like)
            throws IOException {
        String name = target.getFileName().toString();
        if (name.length() > NAME_IN_TEMPORARY) {
            name = name.substring(0, NAME_IN_TEMPORARY);
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + ".pm-" + randomLetters() + ".tmp");
            FileChannel ch;
            try {
                // no permissions asked for: the system applies the umask (and a default ACL), as for any new file
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 16) {
                    continue;
                }
                throw e;
            }
            try (ch) {
                if (like != null) {
                    keep(tmp, like); // before any byte is written: the content is never more readable than before
                }
                sink.write(Channels.newOutputStream(ch), content);
                ch.force(true);
                return tmp;
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                throw e;
            }
        }
    }

    /**
     * Gives {@code file} the owner and group of {@code like} where this process may (root may; others may set a
     * group they are in), then its permissions, which must take: a file pm writes never loses its mode. The
     * permissions come last since a change of owner may clear some.
     */
    private static void keep(Path file, PosixFileAttributes like) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes now = view.readAttributes();
        if (!like.owner().equals(now.owner())) {
            try {
                view.setOwner(like.owner());
            } catch (IOException notPermitted) {
                // best effort: only root may give a file away
            }
        }
        if (!like.group().equals(now.group())) {
            try {
                view.setGroup(like.group());
            } catch (IOException notPermitted) {
                // best effort: a group this process is not in
            }
        }
        view.setPermissions(like.permissions());
    }

    private static String randomLetters() {
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.forDigit(RANDOM.nextInt(36), 36);
        }
        return new String(c);
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }

    private static InputException writeFailure(Path target, IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        String why;
        if (e instanceof AccessDeniedException || "Permission denied".equals(reason)
                || "Read-only file system".equals(reason)) {
            String fsReason = e instanceof FileSystemException f ? f.getReason() : null;
            why = "cannot write to " + parent(target) + " ("
                    + (fsReason == null ? "permission denied" : fsReason.toLowerCase(java.util.Locale.ROOT))
                    + "); check the directory's permissions";
        } else if (reason != null && reason.contains("No space left")) {
            why = "the disk is full; free some space and run again";
        } else if (e instanceof java.nio.file.NotDirectoryException || "Not a directory".equals(reason)) {
            why = "cannot be written: " + parent(target) + " is not a directory";
        } else {
            why = "cannot be written: " + (reason == null ? e.getClass().getSimpleName() : reason);
        }
        return new InputException(target, 0, why + " (nothing was changed)");
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is harmless and named after its target
            }
        }
    }
}
