package pm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes that never leave a half-written or clobbered file: content goes to a temporary file in the
 * same directory first, then takes the target's name in one step.
 *
 * <p>A new file gets the permissions the user's umask gives (0666 &amp; ~umask, and a directory's default ACL),
 * as an editor's or git's would: the temporary file is created without asking for any, so the system applies
 * them ({@code Files.createTempFile} asked for 0600 whatever the umask). Java cannot read the umask; it need not.
 * A replaced file keeps its owner, group and permissions.
 *
 * <p>The temporary file is pm's own: {@code .<name>.pm-<12 letters or digits>.tmp}, hidden, and locked (a POSIX
 * record lock) while pm writes it. A process killed half-way (SIGKILL, a power cut) leaves one behind; the kernel
 * drops the dead process's lock, and the next write into that directory removes every one of pm's temporary files
 * it can lock. A live writer's lock keeps its file safe, whatever its process id says in another container. Where
 * locks cannot be taken (some network file systems, another user's unreadable file) only a temporary file older
 * than {@link #STALE_AFTER} is removed: no write takes that long.
 */
public final class AtomicFiles {
    /** How bytes reach a new file. Tests in this package replace it to simulate a full disk. */
    interface Sink {
        void write(OutputStream out, byte[] content) throws IOException;
    }

    static volatile Sink sink = OutputStream::write;

    /** pm's temporary files, and only those: {@code .<name>.pm-<12 of [0-9a-z]>.tmp}. */
    static final Pattern TEMPORARY = Pattern.compile("\\..*\\.pm-[0-9a-z]{12}\\.tmp");
    /** A temporary file whose writer cannot be asked (no locks there) is left alone until it is this old. */
    static final Duration STALE_AFTER = Duration.ofHours(1);
    /** The most of a target's name a temporary file repeats, so that its name stays within 255 bytes. */
    private static final int NAME_IN_TEMPORARY = 100;

    /**
     * The temporary files this process is writing, by file key (device and inode) where the system has one, else
     * by path. They are never opened by the clean-up: closing any descriptor of a file drops every POSIX lock the
     * process holds on it, the writer's included.
     */
    private static final Set<Object> WRITING = ConcurrentHashMap.newKeySet();
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
        try (Temporary tmp = Temporary.write(parent(target), target, content, like)) {
            try {
                Files.createLink(target, tmp.path);
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
        }
    }

    /**
     * Replaces {@code target} with {@code content}, keeping its owner and group (where this process may set them)
     * and its permissions; the old file stays whole on failure. The name is replaced: a symbolic link there is
     * replaced by the new file (write to {@link #linkTarget} to keep it a link).
     */
    public static void replace(Path target, byte[] content) throws InputException {
        try {
            PosixFileAttributes like = null;
            try {
                like = posixAttributes(target);
            } catch (NoSuchFileException | UnsupportedOperationException ignored) {
                // a new file, or no POSIX attributes here: what the system gives a new file
            }
            try (Temporary tmp = Temporary.write(parent(target), target, content, like)) {
                try {
                    Files.move(tmp.path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp.path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw writeFailure(target, e);
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

    /**
     * One of pm's temporary files, open and locked while it is written and until it has taken its name (or failed
     * to); closing it deletes it unless it was renamed.
     */
    private static final class Temporary implements AutoCloseable {
        final Path path;
        private final FileChannel channel;
        private final Object key;

        private Temporary(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
            Object k = null;
            try {
                k = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            } catch (IOException ignored) {
                // then by its path
            }
            this.key = k != null ? k : path;
            WRITING.add(key);
        }

        static Temporary write(Path dir, Path target, byte[] content, PosixFileAttributes like) throws IOException {
            removeStale(dir);
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
                Temporary t = new Temporary(tmp, ch);
                try {
                    if (!t.lock()) {
                        t.close(); // another pm removed it between its creation and the lock: take another name
                        continue;
                    }
                    if (like != null) {
                        keep(tmp, like); // before any byte is written: the content is never more readable than before
                    }
                    sink.write(Channels.newOutputStream(ch), content);
                    ch.force(true);
                    return t;
                } catch (IOException | RuntimeException e) {
                    t.close();
                    throw e;
                }
            }
        }

        /** Locks the file; false when it is no longer there by its name (a clean-up took it before the lock). */
        private boolean lock() throws IOException {
            try {
                channel.lock();
            } catch (IOException | UnsupportedOperationException noLocks) {
                // no locks on this file system: the clean-up goes by age there
            }
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public void close() {
            deleteQuietly(path); // renamed already, or unfinished: removed while still locked
            try {
                channel.close(); // drops the lock
            } catch (IOException ignored) {
                // the descriptor is gone either way
            } finally {
                WRITING.remove(key);
            }
        }
    }

    private static String randomLetters() {
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.forDigit(RANDOM.nextInt(36), 36);
        }
        return new String(c);
    }

    /**
     * Removes pm's temporary files in {@code dir} that no live process is writing: what a killed pm left. Best
     * effort; never a reason for a write to fail.
     */
    static void removeStale(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> TEMPORARY.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                removeIfStale(p);
            }
        } catch (IOException | DirectoryIteratorException ignored) {
            // the write says what is wrong with the directory
        }
    }

    private static void removeIfStale(Path tmp) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(tmp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return; // not pm's, whatever its name
            }
            if (WRITING.contains(attrs.fileKey() != null ? attrs.fileKey() : tmp)) {
                return; // this process is writing it
            }
            Boolean unused = tryLockAndDelete(tmp, StandardOpenOption.WRITE);
            if (unused == null) {
                unused = tryLockAndDelete(tmp, StandardOpenOption.READ); // another user's file: a shared lock
            }
            if (unused == null && attrs.lastModifiedTime().toInstant().isBefore(Instant.now().minus(STALE_AFTER))) {
                Files.deleteIfExists(tmp); // no lock to ask: no write takes this long
            }
        } catch (IOException ignored) {
            // gone already, or not ours to remove
        }
    }

    /**
     * Deletes {@code tmp} if no process holds a lock on it (the one who wrote it is gone), while holding the lock.
     *
     * @return whether it was unused, or null when that cannot be told (no permission, no locks here)
     */
    private static Boolean tryLockAndDelete(Path tmp, StandardOpenOption mode) {
        try (FileChannel ch = FileChannel.open(tmp, mode, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, mode == StandardOpenOption.READ);
            if (lock == null) {
                return false; // a live writer
            }
            Files.deleteIfExists(tmp);
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
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
                // a stray temporary file is harmless, hidden, and removed by the next write here
            }
        }
    }
}
