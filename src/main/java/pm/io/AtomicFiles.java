package pm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes that never leave a half-written or clobbered file: content goes to a temporary file in the
 * same directory first, then takes the target's name in one step.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Creates {@code target} with {@code content}, failing if it exists. Of two concurrent calls for the
     * same path, exactly one succeeds: the name is claimed with a hard link, which the file system
     * refuses atomically when the name is taken.
     */
    public static void createNew(Path target, byte[] content) throws InputException {
        Path dir = parent(target);
        Path tmp = null;
        try {
            tmp = writeTemp(dir, target, content);
            try {
                Files.createLink(target, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                // no hard links here (some network or FAT file systems): O_EXCL create, then write
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    out.write(content);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException(target, 0, "already exists; pm never overwrites a postmortem "
                    + "(choose another title or --date, or edit the existing file)");
        } catch (IOException e) {
            throw writeFailure(target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Replaces {@code target} with {@code content}, keeping its permissions; the old file stays whole on failure. */
    public static void replace(Path target, byte[] content) throws InputException {
        Path dir = parent(target);
        Path tmp = null;
        try {
            tmp = writeTemp(dir, target, content);
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException | IOException ignored) {
                // not a POSIX file system, or the target is gone: keep the temporary file's defaults
            }
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

    private static Path parent(Path target) {
        Path p = target.toAbsolutePath().getParent();
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }

    private static Path writeTemp(Path dir, Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content);
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return tmp;
    }

    private static InputException writeFailure(Path target, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied writing to " + parent(target) + "; check the directory's permissions";
        } else if (e.getMessage() != null && e.getMessage().contains("No space left")) {
            why = "the disk is full; free some space and run again";
        } else {
            why = "cannot be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
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
