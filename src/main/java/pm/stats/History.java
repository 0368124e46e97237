package pm.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import pm.git.FileHistory;
import pm.git.TrackedFiles;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.model.FrontMatter;
import pm.parse.PostmortemParser;
import pm.parse.Schema;

/**
 * What git history says about each postmortem: when it was first committed, first reached {@code in-review},
 * {@code reviewed} and {@code published}, and for each action item the last commit that made it done or wont-do
 * and every commit that moved its due date. One walk over the commits that touch the folder
 * ({@link FileHistory}); each changed blob's front matter is read once, keyed by blob id, however many commits
 * and paths carry it.
 */
public final class History {
    /** A commit as the metrics cite it. */
    public record Mark(String commit, java.time.Instant time, String author) {
        public LocalDate day() {
            return time.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
    }

    /** A due date that moved, in the commit that moved it. */
    public record Move(String itemKey, String title, LocalDate from, LocalDate to, Mark mark) {
    }

    /** The finishing of an item: the last commit that made it done or wont-do. */
    public record Finish(String itemKey, String title, String status, Mark mark) {
    }

    /** One file's history. */
    public static final class PathHistory {
        Mark first;
        Mark inReview;
        Mark reviewed;
        Mark published;
        final Map<String, Finish> finished = new HashMap<>();
        final List<Move> moves = new ArrayList<>();
        Snapshot last;

        public Mark first() {
            return first;
        }

        public Mark inReview() {
            return inReview;
        }

        public Mark reviewed() {
            return reviewed;
        }

        public Mark published() {
            return published;
        }

        /** The last commit that made the item with this key done or wont-do, or {@code null}. */
        public Finish finish(String key) {
            return finished.get(key);
        }

        public Map<String, Finish> finishes() {
            return finished;
        }

        public List<Move> moves() {
            return moves;
        }
    }

    /** What the metrics need of one blob's front matter. */
    record Snapshot(String status, Map<String, Incident.Item> items) {
    }

    private final Map<String, PathHistory> paths;
    private final int commits;
    private final int blobs;
    /** Why there is none, or {@code null}. */
    private final String missing;

    private History(Map<String, PathHistory> paths, int commits, int blobs, String missing) {
        this.paths = paths;
        this.commits = commits;
        this.blobs = blobs;
        this.missing = missing;
    }

    /** No history, and why ("--no-git", "a shallow clone"). */
    public static History none(String why) {
        return new History(Map.of(), 0, 0, why);
    }

    /** Why there is no history, or {@code null} when there is. */
    public String missing() {
        return missing;
    }

    /** A file's history ('/'-separated path in the repository), or {@code null} for one never committed. */
    public PathHistory of(String path) {
        return path == null ? null : paths.get(path);
    }

    /** Every file's history, by path in the repository. */
    public Map<String, PathHistory> paths() {
        return java.util.Collections.unmodifiableMap(paths);
    }

    public int commits() {
        return commits;
    }

    public int blobs() {
        return blobs;
    }

    /** Reads the history of the {@code *.md} files under {@code prefix} from {@code rev} (HEAD when null). */
    public static History read(TrackedFiles git, String rev, String prefix, PostmortemParser parser)
            throws InputException {
        String why = FileHistory.missing(git, rev);
        if (why != null) {
            return none(why);
        }
        List<FileHistory.Commit> log = FileHistory.of(git, rev, prefix, ".md");
        Set<ObjectId> wanted = new HashSet<>();
        for (FileHistory.Commit c : log) {
            for (FileHistory.Change ch : c.changes()) {
                if (ch.blob() != null) {
                    wanted.add(ch.blob());
                }
            }
        }
        // each blob read and its front matter parsed once, in parallel; a blob that does not read has no snapshot
        Map<ObjectId, Snapshot> snapshots = new ConcurrentHashMap<>();
        wanted.parallelStream().forEach(id -> {
            Snapshot s = snapshot(git, id, parser);
            if (s != null) {
                snapshots.put(id, s);
            }
        });
        Map<String, PathHistory> paths = new HashMap<>();
        for (FileHistory.Commit c : log) {
            Mark mark = new Mark(c.id(), c.time(), c.author());
            for (FileHistory.Change ch : c.changes()) {
                PathHistory ph = paths.computeIfAbsent(ch.path(), p -> new PathHistory());
                if (ch.blob() == null) {
                    ph.last = null; // deleted: a file added again starts over from what it then says
                    continue;
                }
                if (ph.first == null) {
                    ph.first = mark;
                }
                Snapshot s = snapshots.get(ch.blob());
                if (s != null) {
                    apply(ph, s, mark);
                }
            }
        }
        return new History(paths, log.size(), wanted.size(), null);
    }

    /** One commit's version of a file, after the one before it. */
    static void apply(PathHistory ph, Snapshot s, Mark mark) {
        if (ph.inReview == null && Schema.reached(s.status(), Schema.IN_REVIEW)) {
            ph.inReview = mark;
        }
        if (ph.reviewed == null && Schema.reached(s.status(), Schema.REVIEWED)) {
            ph.reviewed = mark;
        }
        if (ph.published == null && Schema.reached(s.status(), Schema.PUBLISHED)) {
            ph.published = mark;
        }
        for (Incident.Item item : s.items().values()) {
            Incident.Item before = ph.last == null ? null : ph.last.items().get(item.key());
            if (item.finished() && (before == null || !before.finished()
                    || !before.status().equals(item.status()))) {
                ph.finished.put(item.key(), new Finish(item.key(), item.title(), item.status(), mark));
            }
            if (before != null && before.due() != null && item.due() != null && !before.due().equals(item.due())) {
                ph.moves.add(new Move(item.key(), item.title(), before.due(), item.due(), mark));
            }
        }
        ph.last = s;
    }

    private static Snapshot snapshot(TrackedFiles git, ObjectId id, PostmortemParser parser) {
        try {
            byte[] bytes = git.read(id, TextFiles.MAX_BYTES);
            FrontMatter fm = parser.frontMatter(TextFiles.decode(Path.of("history.md"), bytes));
            if (!fm.present() || !fm.readable()) {
                return null;
            }
            Map<String, Incident.Item> items = new HashMap<>();
            for (Incident.Item i : Incident.items(fm)) {
                items.putIfAbsent(i.key(), i);
            }
            return new Snapshot(fm.status(), items);
        } catch (IOException | InputException | RuntimeException e) {
            return null; // a version that cannot be read tells nothing; the next one will
        }
    }
}
