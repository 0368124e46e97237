package pm.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pm.io.InputException;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.FrontMatter;
import pm.model.Problem;
import pm.model.SourceText;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueItem;
import pm.overdue.Skipped;
import pm.parse.PostmortemParser;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;

/**
 * Reads a listing of postmortems into index rows: each file once (in parallel, as {@code pm overdue} does), its
 * front matter parsed once and handed to the {@link OverdueCollector} for its overdue count. The index file itself
 * is left out; a file whose front matter is missing or cannot be read is a row of its own, and a problem.
 */
public final class Entries {
    /** Newest first; then undated ones; then unreadable files; ties by link. */
    public static final Comparator<Entry> ORDER = Entries::compare;

    private final PostmortemParser parser;
    private final OverdueCollector overdue;
    private final Path indexFile;
    private final Path indexDir;
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();

    /**
     * @param overdue   the collector that counts overdue items, as of the index's day and with no filter
     * @param indexFile the index file: links are relative to its folder, and it is no postmortem
     */
    public Entries(PostmortemParser parser, OverdueCollector overdue, Path indexFile) {
        this.parser = parser;
        this.overdue = overdue;
        Path abs = indexFile.toAbsolutePath().normalize();
        this.indexDir = real(abs.getParent());
        this.indexFile = indexDir.resolve(abs.getFileName());
    }

    /** What a listing gave: the rows, in {@link #ORDER}, and each unreadable file's problem, by file. */
    public record Result(List<Entry> entries, List<String> problems) {
        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    public Result read(Listing listing, Names names) {
        List<Input> inputs = listing.inputs().stream().filter(in -> !isIndex(in.path())).toList();
        List<Entry> entries = new ArrayList<>((inputs.size() > 64 ? inputs.parallelStream() : inputs.stream())
                .map(this::examine).toList());
        for (InputException e : listing.problems()) {
            if (e.file() != null && !isIndex(e.file())) {
                entries.add(Entry.unreadable(link(e.file()), new Skipped(names.of(e.file()), e.line(),
                        e.getMessage()).oneLine()));
            }
        }
        entries.sort(ORDER);
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.readable()) {
                problems.add(e.problem());
            }
        }
        return new Result(entries, problems);
    }

    private Entry examine(Input input) {
        String link = link(input.path());
        SourceText source;
        try {
            source = input.read();
        } catch (InputException e) {
            return Entry.unreadable(link, new Skipped(input.name(), e.line(), e.getMessage()).oneLine());
        }
        FrontMatter fm = parser.frontMatter(source);
        if (!fm.present() || !fm.readable()) {
            Problem p = fm.problems().isEmpty() ? Problem.at(1, 1, "front matter cannot be read")
                    : fm.problems().get(0);
            String why = fm.present() ? p.message() : "no front matter (a postmortem starts with '---' and its "
                    + "fields); add it, or move the file out of the postmortems folder";
            return Entry.unreadable(link, new Skipped(input.name(), p.line(), why).oneLine());
        }
        int done = 0;
        for (ActionItem a : fm.actionItems()) {
            if (ActionStatus.DONE.id().equals(a.status()) || ActionStatus.WONT_DO.id().equals(a.status())) {
                done++;
            }
        }
        int late = 0;
        for (OverdueItem i : overdue.rows(input.name(), source, fm)) {
            if (i.overdue()) {
                late++;
            }
        }
        String title = fm.title() != null && !fm.title().isBlank() ? fm.title().strip() : baseName(link);
        return new Entry(link, title, fm.date(), fm.severity(), fm.services(), fm.status(), done,
                fm.actionItems().size(), late, null);
    }

    private static String baseName(String link) {
        String base = link.substring(link.lastIndexOf('/') + 1);
        return base.endsWith(".md") ? base.substring(0, base.length() - 3) : base;
    }

    private boolean isIndex(Path file) {
        return file != null && resolved(file).equals(indexFile);
    }

    /** The path from the index file's folder to {@code file}, with '/'. */
    private String link(Path file) {
        return indexDir.relativize(resolved(file)).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** {@code file} with its folder's links resolved (one look-up a folder), as the index file's is. */
    private Path resolved(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return parent == null ? abs : realFolders.computeIfAbsent(parent, Entries::real).resolve(abs.getFileName());
    }

    /** The real path of {@code p}, resolving links in the part of it that exists. */
    private static Path real(Path p) {
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

    private static int compare(Entry a, Entry b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c == 0 && a.date() != null && b.date() != null) {
            c = b.date().compareTo(a.date());
        }
        return c != 0 ? c : a.link().compareTo(b.link());
    }

    private static int rank(Entry e) {
        return !e.readable() ? 2 : e.date() == null ? 1 : 0;
    }
}
