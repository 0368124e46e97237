package pm.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Markdown files under a directory, in a stable order (sorted by name at every level). Hidden files
 * and directories (names starting with '.') are skipped, as are symbolic links that lead outside the
 * directory; a directory reached twice through links is walked once, so link loops end.
 */
public final class MarkdownFiles {
    private MarkdownFiles() {
    }

    /** What a walk found: the files, and the directories it could not read. */
    public record Walk(List<Path> files, List<InputException> errors, Map<Path, BasicFileAttributes> attributes) {
        /** A file's attributes as the walk read them (not following links), or null for a link to it. */
        public BasicFileAttributes attributes(Path file) {
            return attributes.get(file);
        }
    }

    public static Walk under(Path root) {
        List<Path> files = new ArrayList<>();
        List<InputException> errors = new ArrayList<>();
        Map<Path, BasicFileAttributes> attributes = new HashMap<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            errors.add(new InputException(root, 0, "cannot be read: " + e.getMessage()));
            return new Walk(files, errors, attributes);
        }
        walk(root, realRoot, new HashSet<>(), files, errors, attributes);
        return new Walk(files, errors, attributes);
    }

    /** Folders with at least this many entries have their entries' types read in parallel. */
    private static final int PARALLEL_FROM = 512;

    /** An entry's attributes, not following a link; null for a hidden entry or one that cannot be read. */
    private static BasicFileAttributes typeOf(Path p) {
        if (p.getFileName().toString().startsWith(".")) {
            return null;
        }
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    public static boolean isMarkdown(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static void walk(Path dir, Path realRoot, Set<Path> visited, List<Path> files,
            List<InputException> errors, Map<Path, BasicFileAttributes> attributes) {
        try {
            if (!visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                entries.add(p);
            }
        } catch (IOException e) {
            errors.add(new InputException(dir, 0, "directory cannot be read: " + e.getMessage()));
            return;
        }
        entries.sort(null);
        // one system call per entry for what type checks would ask three times; for a large folder on all cores
        List<BasicFileAttributes> types = (entries.size() >= PARALLEL_FROM ? entries.parallelStream()
                : entries.stream()).map(MarkdownFiles::typeOf).toList();
        for (int k = 0; k < entries.size(); k++) {
            Path p = entries.get(k);
            BasicFileAttributes attrs = types.get(k);
            if (attrs == null) {
                continue; // hidden, or gone since the listing (as type checks would have found)
            }
            if (!attrs.isSymbolicLink()) {
                if (attrs.isDirectory()) {
                    walk(p, realRoot, visited, files, errors, attributes);
                } else if (attrs.isRegularFile() && isMarkdown(p)) {
                    files.add(p);
                    attributes.put(p, attrs);
                }
                continue;
            }
            // a symbolic link: followed when it stays inside the directory
            Path target;
            try {
                target = p.toRealPath();
            } catch (IOException e) {
                if (isMarkdown(p)) {
                    files.add(p); // a broken link to a postmortem: reading it says so
                }
                continue;
            }
            if (!target.startsWith(realRoot)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                walk(p, realRoot, visited, files, errors, attributes);
            } else if (isMarkdown(p) && Files.isRegularFile(p)) {
                files.add(p);
            }
        }
    }
}
