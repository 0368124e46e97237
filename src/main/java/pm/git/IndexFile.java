package pm.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Lists the index of the everyday repository without opening it with JGit, whose set-up (its system reader,
 * logging, message bundle, file-store probe and configs) costs a cold start 100-170 ms before the first path
 * (measured on a 10,000-file index). It reads only what it fully understands: a work tree with a {@code .git}
 * folder whose configs set no work tree, bare flag, include or object format, and an index of version 2, 3 or 4
 * without a required extension (split or sparse index). For anything else it answers {@code null}, and
 * {@link TrackedFiles} asks JGit, which either reads it or reports what is wrong: the paths listed are the same.
 */
final class IndexFile {
    private static final int ENTRY_FIXED = 62; // stat data (40), object id (20), flags (2)
    private static final int ID_LENGTH = 20;
    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_FILE = 0100000;
    private static final int TYPE_SYMLINK = 0120000;

    private IndexFile() {
    }

    /** Where a search from a folder up its parents ends. */
    sealed interface Search permits Found, NoRepository, AskJGit {
    }

    /** A plain {@code .git} folder, its work tree being the folder that holds it. */
    record Found(Path gitDir, Path workTree) implements Search {
    }

    /** No repository around the folder, as JGit would find none. */
    record NoRepository() implements Search {
    }

    /** Something this class does not decide: JGit must. */
    record AskJGit() implements Search {
    }

    /**
     * Looks for the repository as JGit's {@code FileRepositoryBuilder.findGitDir} does, from {@code start} (an
     * existing folder, absolute and normal) up: at each level first a {@code .git} there, then the level itself.
     *
     * @param userConfigs the user's git configs, which JGit reads too (their absence is fine)
     */
    static Search find(Path start, List<Path> userConfigs) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                if (!Files.isDirectory(dotGit) || !isRepository(dotGit)) {
                    return new AskJGit(); // a gitfile (linked work tree, submodule) or something odd
                }
                for (Path config : configs(dotGit, userConfigs)) {
                    if (!plainConfig(config)) {
                        return new AskJGit();
                    }
                }
                return new Found(dotGit, dir);
            }
            if (Files.exists(dir.resolve("HEAD")) || Files.exists(dir.resolve("objects"))
                    || Files.exists(dir.resolve("refs"))) {
                return new AskJGit(); // perhaps a bare repository or the inside of one
            }
        }
        return new NoRepository();
    }

    private static List<Path> configs(Path gitDir, List<Path> userConfigs) {
        List<Path> all = new ArrayList<>(userConfigs);
        all.add(gitDir.resolve("config"));
        return all;
    }

    /** JGit's test for a repository folder: objects, refs, and a HEAD that names a ref or a commit. */
    private static boolean isRepository(Path dir) {
        if (!Files.isDirectory(dir.resolve("objects")) || !Files.isDirectory(dir.resolve("refs"))) {
            return false;
        }
        try {
            String head = Files.readString(dir.resolve("HEAD"), StandardCharsets.UTF_8);
            int eol = head.indexOf('\n');
            String first = eol < 0 ? head : head.substring(0, eol);
            return first.startsWith("ref: refs/") || ObjectId.isId(first);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a config file (or its absence) leaves the repository plain: no {@code core.worktree},
     * {@code core.bare} other than false, include or object format (a key written anywhere counts).
     */
    static boolean plainConfig(Path config) {
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (text.contains("worktree") || text.contains("include") || text.contains("objectformat")) {
            return false;
        }
        for (String line : text.split("\n", -1)) {
            String key = withoutSpaceOrQuotes(line);
            if (key.startsWith("bare") && !key.startsWith("bare=false")) {
                return false;
            }
        }
        return true;
    }

    private static String withoutSpaceOrQuotes(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && c != '"') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The regular files and symbolic links the index lists under {@code folder} ('/'-separated, ending in '/',
     * or empty) whose path ends with {@code suffix}, in index order, each path once (a conflict lists it per
     * stage); an index file that does not exist lists nothing. {@code null} when the file is not one this class
     * reads.
     */
    static List<TrackedFiles.Entry> read(Path index, String folder, String suffix) {
        byte[] b;
        try {
            b = Files.readAllBytes(index);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return null;
        }
        try {
            return entries(b, folder, suffix);
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return null; // damaged: JGit says how
        }
    }

    private static List<TrackedFiles.Entry> entries(byte[] b, String folder, String suffix) {
        int end = b.length - ID_LENGTH; // the checksum of the rest
        if (end < 12 || b[0] != 'D' || b[1] != 'I' || b[2] != 'R' || b[3] != 'C') {
            return null;
        }
        int version = int32(b, 4);
        int count = int32(b, 8);
        if (version < 2 || version > 4 || count < 0) {
            return null;
        }
        List<TrackedFiles.Entry> out = new ArrayList<>();
        byte[] previous = new byte[0]; // version 4 writes each path as a change of the one before
        String last = null;
        int pos = 12;
        for (int k = 0; k < count; k++) {
            if (pos + ENTRY_FIXED > end) {
                return null;
            }
            int mode = int32(b, pos + 24);
            int flags = ((b[pos + 60] & 0xFF) << 8) | (b[pos + 61] & 0xFF);
            boolean extended = (flags & 0x4000) != 0;
            if (extended && version < 3) {
                return null;
            }
            int name = pos + ENTRY_FIXED + (extended ? 2 : 0);
            byte[] path;
            int next;
            if (version == 4) {
                int strip = 0;
                int at = name;
                int c = b[at++] & 0xFF;
                strip = c & 0x7F;
                while ((c & 0x80) != 0) {
                    c = b[at++] & 0xFF;
                    strip = ((strip + 1) << 7) | (c & 0x7F);
                }
                int nul = nul(b, at, end);
                if (nul < 0 || strip > previous.length) {
                    return null;
                }
                int keep = previous.length - strip;
                path = new byte[keep + nul - at];
                System.arraycopy(previous, 0, path, 0, keep);
                System.arraycopy(b, at, path, keep, nul - at);
                next = nul + 1;
            } else {
                int length = flags & 0xFFF;
                int stop = length < 0xFFF ? name + length : nul(b, name, end);
                if (stop < 0 || stop >= end || b[stop] != 0) {
                    return null;
                }
                path = java.util.Arrays.copyOfRange(b, name, stop);
                next = pos + ((stop - pos + 8) & ~7); // NUL-padded to a multiple of eight
            }
            int type = mode & TYPE_MASK;
            if (type == TYPE_FILE || type == TYPE_SYMLINK) {
                String p = new String(path, StandardCharsets.UTF_8); // as JGit decodes it
                if (p.startsWith(folder) && p.endsWith(suffix) && !p.equals(last)) {
                    out.add(new TrackedFiles.Entry(p, ObjectId.fromRaw(b, pos + 40), type == TYPE_SYMLINK));
                    last = p;
                }
            }
            previous = path;
            pos = next;
        }
        // extensions: one whose name starts with a capital letter may be skipped, any other must be understood
        while (pos < end) {
            if (pos + 8 > end || b[pos] < 'A' || b[pos] > 'Z') {
                return null;
            }
            int size = int32(b, pos + 4);
            if (size < 0 || size > end - pos - 8) {
                return null;
            }
            pos += 8 + size;
        }
        return pos == end ? out : null;
    }

    private static int nul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
