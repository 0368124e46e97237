package pm.action;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import pm.edit.FrontMatterEditor;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.lint.ActionItemSync;
import pm.lint.ActionTableFix;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;

/**
 * {@code pm action}: the action items of a repository's postmortems, found by reference, and edited in place: the
 * front matter through {@link FrontMatterEditor} (every other byte kept), the Action items table written again from it
 * ({@link ActionTableFix}), the file replaced atomically. Edits of one file are serialised (a lock per file, in this
 * process and between processes), and the file is read again under the lock, so two edits at once both land.
 */
public final class Actions {
    private Actions() {
    }

    /**
     * One action item of a postmortem.
     *
     * @param index its position in the front matter's action_items (0-based), or -1 for an item only the body has
     */
    public record Found(String file, Path path, Postmortem pm, int index, ActionItem item) {
        public boolean inFrontMatter() {
            return index >= 0;
        }

        /** How to name it on the command line: {@code FILE#N} (1-based), or {@code FILE} for a body-only item. */
        public String ref() {
            return index >= 0 ? file + "#" + (index + 1) : file;
        }
    }

    /** Every item of every readable postmortem of a listing: the front matter's, then those only the body has. */
    public static List<Found> all(PostmortemParser parser, Listing listing, List<InputException> unreadable) {
        List<Found> out = new ArrayList<>();
        for (Listing.Entry e : listing.entries()) {
            if (e instanceof Listing.Unreadable u) {
                unreadable.add(u.error());
                continue;
            }
            Input in = (Input) e;
            try {
                Postmortem pm = parser.parse(in.path(), in.read());
                out.addAll(items(in.name(), in.path(), pm));
            } catch (InputException ex) {
                unreadable.add(ex);
            } catch (pm.parse.UnreadableBody ex) {
                unreadable.add(new InputException(in.path(), ex.line(), ex.getMessage()));
            }
        }
        return out;
    }

    /** The items of one postmortem: the front matter's, then the body's that have no twin there. */
    public static List<Found> items(String file, Path path, Postmortem pm) {
        List<Found> out = new ArrayList<>();
        List<ActionItem> fm = pm.frontMatter().actionItems();
        for (int i = 0; i < fm.size(); i++) {
            out.add(new Found(file, path, pm, i, fm.get(i)));
        }
        if (pm.frontMatter().readable()) {
            for (ActionItemSync.Pair p : ActionItemSync.pairs(pm)) {
                if (p.frontMatter() == null) {
                    out.add(new Found(file, path, pm, -1, p.body()));
                }
            }
        }
        return out;
    }

    /**
     * The item {@code ref} names: {@code FILE#N} (its position in action_items), {@code FILE#id} (its {@code id:}),
     * or a piece of its title that no other item's title holds.
     *
     * @param resolve turns the FILE of a reference into a path
     * @param read    reads and parses one file
     * @param all     every item of the repository, read when the reference is a piece of a title
     */
    public static Found find(String ref, java.util.function.Function<String, Path> resolve,
            FileReader read, java.util.function.Supplier<List<Found>> all) throws InputException {
        int hash = ref.lastIndexOf('#');
        if (hash > 0 && ref.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".md")) {
            String fileName = ref.substring(0, hash);
            String which = ref.substring(hash + 1).strip();
            Path path = resolve.apply(fileName);
            Parsed p = read.read(path);
            List<ActionItem> items = p.pm().frontMatter().actionItems();
            if (which.matches("\\d+")) {
                int n = Integer.parseInt(which);
                if (n < 1 || n > items.size()) {
                    throw new InputException(path, 0, "has " + items.size() + " action item"
                            + (items.size() == 1 ? "" : "s") + " in its front matter, so there is no #" + which
                            + "; list them with: pm action list");
                }
                return new Found(p.name(), path, p.pm(), n - 1, items.get(n - 1));
            }
            for (int i = 0; i < items.size(); i++) {
                if (which.equals(items.get(i).id())) {
                    return new Found(p.name(), path, p.pm(), i, items.get(i));
                }
            }
            throw new InputException(path, 0, "no action item has 'id: " + which + "'; name it by its number ("
                    + fileName + "#1) or a piece of its title; list them with: pm action list");
        }
        String needle = ref.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            throw new InputException("ITEM is empty; name it as FILE#N, FILE#id or a piece of its title");
        }
        List<Found> matches = new ArrayList<>();
        for (Found f : all.get()) {
            if (f.item().title() != null && f.item().title().toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(f);
            }
        }
        if (matches.isEmpty()) {
            throw new InputException("no action item's title contains '" + ref.strip() + "'; list them with: "
                    + "pm action list");
        }
        if (matches.size() > 1) {
            throw new Ambiguous(ref.strip(), matches);
        }
        return matches.get(0);
    }

    /** A piece of a title that more than one item's title holds: the caller lists them (exit 2). */
    public static final class Ambiguous extends RuntimeException {
        private final transient List<Found> matches;

        Ambiguous(String ref, List<Found> matches) {
            super("'" + ref + "' matches " + matches.size() + " action items; name one as FILE#N:");
            this.matches = List.copyOf(matches);
        }

        public List<Found> matches() {
            return matches;
        }
    }

    /** A file read and parsed, under the name it is shown by. */
    public record Parsed(String name, Postmortem pm, byte[] bytes) {
    }

    /** Reads and parses one postmortem. */
    public interface FileReader {
        Parsed read(Path path) throws InputException;
    }

    /** A reader of postmortems on disk. */
    public static FileReader reader(PostmortemParser parser, Names names) {
        return path -> {
            if (!Files.isRegularFile(path)) {
                throw new InputException(path, 0, "no such file; name a postmortem as FILE#N, e.g. "
                        + "postmortems/2025-03-14-disk-full.md#1");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new InputException(path, 0, "cannot be read: " + e.getMessage());
            }
            SourceText text = TextFiles.decode(path, bytes);
            try {
                return new Parsed(names.of(path), parser.parse(path, text), bytes);
            } catch (pm.parse.UnreadableBody e) {
                throw new InputException(path, e.line(), e.getMessage());
            }
        };
    }

    /** What an edit asks of the front matter of one file. */
    public interface Change {
        /**
         * Asks {@code ed} for the change and says it; {@code item} is the item as it is now in the file read under
         * the lock (null for an added item).
         *
         * @return the one-line description of the change, e.g. "status open → done"
         */
        String apply(FrontMatterEditor ed, ActionItem item, int index) throws InputException;
    }

    /** What an edit did (or, with --dry-run, would do). */
    public record Outcome(String line, String tableNote, String newText) {
    }

    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /**
     * Edits one item of a file ({@code index} -1: adds one): under the file's lock, reads it again, finds the item
     * again by its position (and checks that it is still the item named), makes the change, writes the table from the
     * front matter, and replaces the file, unless {@code dryRun}.
     *
     * @param expectedKey the item's {@link ActionItem#key} when it was named; the edit is refused when the item at
     *                    that position has another title by the time the lock is held
     */
    public static Outcome edit(PostmortemParser parser, Names names, Path path, int index, String expectedKey,
            Change change, boolean dryRun) throws InputException {
        Path real;
        try {
            real = AtomicFiles.linkTarget(path).toRealPath();
        } catch (IOException e) {
            throw new InputException(path, 0, "cannot be read: " + e.getMessage());
        }
        ReentrantLock local = LOCKS.computeIfAbsent(real, p -> new ReentrantLock());
        local.lock();
        try (FileChannel lockFile = FileChannel.open(lockPath(real), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lockFile.lock()) {
            return editLocked(parser, names, real, path, index, expectedKey, change, dryRun);
        } catch (IOException e) {
            throw new InputException(path, 0, "cannot lock it for editing: " + e.getMessage());
        } finally {
            local.unlock();
        }
    }

    /** A lock file outside the repository (nothing to commit or ignore), one per edited file. */
    private static Path lockPath(Path real) {
        String name = System.getProperty("user.name", "") + "-" + real;
        String hex = java.util.HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)), 0, 12);
        return Path.of(System.getProperty("java.io.tmpdir"), ".pm-action-" + hex + ".lock");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome editLocked(PostmortemParser parser, Names names, Path real, Path shown, int index,
            String expectedKey, Change change, boolean dryRun) throws InputException {
        Parsed p = reader(parser, names).read(real);
        Postmortem pm = p.pm();
        if (!pm.frontMatter().present() || !pm.frontMatter().readable()) {
            throw new InputException(shown, pm.frontMatter().span() == null ? 0 : pm.frontMatter().span().line(),
                    "its front matter cannot be read; run pm lint on it and fix what it says first");
        }
        ActionItem item = null;
        if (index >= 0) {
            List<ActionItem> items = pm.frontMatter().actionItems();
            if (index >= items.size() || expectedKey != null && !items.get(index).key().equals(expectedKey)) {
                throw new InputException(shown, 0, "changed while pm was editing it (action item " + (index + 1)
                        + " is not the one named any more); run the command again");
            }
            item = items.get(index);
        }
        FrontMatterEditor ed = new FrontMatterEditor(parser, pm.source(), pm.frontMatter());
        String said = change.apply(ed, item, index);
        String text;
        try {
            text = ed.apply();
        } catch (FrontMatterEditor.Refused e) {
            throw new InputException(shown, item == null ? 0 : item.span().line(), e.getMessage());
        }
        Postmortem edited = parser.parse(real, SourceText.of(text));
        Map<String, ActionItem> keep = conflictsExcept(pm, item == null ? null : item.key());
        ActionTableFix.Outcome table = ActionTableFix.apply(edited, keep);
        String tableNote = null;
        if (table instanceof ActionTableFix.Fixed f) {
            text = f.text();
        } else if (table instanceof ActionTableFix.Refused r) {
            tableNote = "the Action items table was left alone: " + r.reason();
        }
        if (!dryRun) {
            byte[] now;
            try {
                now = Files.readAllBytes(real);
            } catch (IOException e) {
                throw new InputException(shown, 0, "cannot be read: " + e.getMessage());
            }
            if (!Arrays.equals(now, p.bytes())) { // an editor saved it meanwhile: never write over that
                throw new InputException(shown, 0, "changed while pm was editing it; run the command again");
            }
            String out = pm.source().hasBom() ? "\uFEFF" + text : text;
            AtomicFiles.replace(real, out.getBytes(StandardCharsets.UTF_8));
        }
        return new Outcome(said, tableNote, text);
    }

    /** The body items whose fields conflict with their twins', but the one being edited: their rows stay. */
    private static Map<String, ActionItem> conflictsExcept(Postmortem pm, String editedKey) {
        Map<String, ActionItem> keep = new HashMap<>();
        for (ActionItemSync.Pair p : ActionItemSync.pairs(pm)) {
            if (p.frontMatter() != null && !p.body().key().equals(editedKey)
                    && ActionItemSync.differences(p.frontMatter(), p.body()).stream()
                    .anyMatch(ActionItemSync.Difference::conflict)) {
                keep.put(p.body().key(), p.body());
            }
        }
        return keep;
    }

    /** The fields of a new item, in the order they are written. */
    public static Map<String, String> newItem(String title, String owner, String due, String priority) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", title.strip());
        if (owner != null) {
            m.put("owner", owner.strip());
        }
        if (due != null) {
            m.put("due", due);
        }
        if (priority != null) {
            m.put("priority", priority);
        }
        return m;
    }
}
