package pm.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.source.Input;
import pm.source.Listing;

/**
 * One {@code pm lint}: reads each input of a listing, parses it, fixes its action-item table when asked, lints
 * it, and hands each file's outcome to a {@link Listener} in the listing's order. Many files are linted on all
 * cores, a window of them in flight at a time, and still reported in order. The rules (their patterns and
 * indexes: tens of milliseconds) are made on another thread from the moment the run is made, while the caller
 * lists its inputs.
 */
public final class LintRun {
    /** What a run reports, always on the thread that called {@link #lint}, in the listing's order. */
    public interface Listener {
        /** A file was linted (with or without findings). */
        void file(String name, List<Finding> findings);

        /** A file was linted; {@code draft} when it was linted as a draft ({@link Linter#isDraft}). */
        default void file(String name, List<Finding> findings, boolean draft) {
            file(name, findings);
        }

        /** A file could not be read, or could not be offered at all. */
        void unreadable(InputException e);

        /** {@code --fix} changed a file, or left it alone: a line about the file, said before its findings. */
        void fixed(String name, String message);

        /**
         * {@code --fix} could not write a file's fix (a read-only folder, a full disk): said before its findings,
         * which are those of the file as it still is.
         */
        void unwritten(InputException e);

        /** A rule threw: a bug in pm. */
        void failed(Linter.RuleFailure failure);
    }

    /** Listings with at least this many entries are linted on all cores (unless fixing). */
    private static final int PARALLEL_FROM = 16;
    /** Files being linted ahead of the one reported next: bounds the memory held by finished files. */
    private static final int AHEAD_PER_THREAD = 32;
    private static final int FILES_PER_TASK = 8;

    private final PostmortemParser parser;
    private final boolean fix;
    private final FutureTask<Linter> linterReady;
    private Linter linter;
    private LintCache cache;
    private Path root;
    private Function<Path, String> names = Path::toString;
    private ActionItemSync.Prefer prefer = ActionItemSync.Prefer.NONE;

    /**
     * Starts making the enabled rules of {@code rules} on another thread.
     *
     * @param fix rewrite each file's Action items table from its front matter before linting it
     */
    public LintRun(PostmortemParser parser, LintSettings settings, List<Rule.Spec> rules, boolean fix) {
        this(parser, settings, rules, fix, false);
    }

    /** @param strict lint every file as if it were in review ({@code pm lint --strict}) */
    public LintRun(PostmortemParser parser, LintSettings settings, List<Rule.Spec> rules, boolean fix, boolean strict) {
        this.parser = parser;
        this.fix = fix;
        this.linterReady = new FutureTask<>(() -> new Linter(settings, rules, strict));
        Thread t = new Thread(linterReady, "pm-rules");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Keeps findings in {@code cache} and takes them from it for files whose content it holds (not with --fix,
     * which must read every file).
     */
    public LintRun withCache(LintCache cache) {
        this.cache = fix ? null : cache;
        return this;
    }

    /**
     * Where --fix may write through a symbolic link: the link's git work tree, or {@code root} (the folder of
     * {@code .pm.yml}, else the current directory) for a link outside git; and how to name the file it leads to.
     */
    public LintRun fixingIn(Path root, Function<Path, String> names) {
        this.root = root;
        this.names = names;
        return this;
    }

    /** Which side --fix takes where the front matter and the body give an item's field differently. */
    public LintRun preferring(ActionItemSync.Prefer prefer) {
        this.prefer = prefer;
        return this;
    }

    /** Lints every input of {@code listing} and reports each entry to {@code out}, in order. */
    public void lint(Listing listing, Listener out) {
        linter = result(linterReady); // the rules' failure is thrown here as it was there
        lintEntries(listing, out);
    }

    /**
     * Lints {@code content} as if it were the file at {@code path}, which need not exist ({@code pm lint --stdin
     * --stdin-filename PATH}), and reports it to {@code out} as {@link #lint} reports a file; see {@link TextLint},
     * the one way pm lints a text that is not a file (the language server uses it directly). The run's settings are
     * the caller's: those of the {@code .pm.yml} that governs {@code path} ({@link pm.config.Config#forFile}).
     * Never fixes and never uses the cache.
     */
    public void lintAsIf(Path path, String name, byte[] content, Listener out) {
        linter = result(linterReady);
        try {
            TextLint.Linted linted = new TextLint(parser, linter).lint(path, content, name);
            out.file(name, linted.findings(), linted.draft());
        } catch (InputException e) {
            out.unreadable(e);
        } catch (Linter.RuleFailure e) {
            out.failed(e);
        }
    }

    private void lintEntries(Listing listing, Listener out) {
        List<Listing.Entry> entries = listing.entries();
        if (fix || entries.size() < PARALLEL_FROM) {
            for (Listing.Entry e : entries) {
                emit(check(e), out);
            }
        } else {
            inParallel(entries, out);
        }
    }

    /**
     * What one entry gave: its findings, why it could not be read, or a rule's failure; and a --fix note or why the
     * fix could not be written.
     */
    private record Outcome(String name, List<Finding> findings, InputException unreadable,
                           Linter.RuleFailure failure, String fixed, InputException unwritten, boolean draft) {
        Outcome(String name, List<Finding> findings, InputException unreadable, Linter.RuleFailure failure,
                String fixed) {
            this(name, findings, unreadable, failure, fixed, null, false);
        }
    }

    /** Reads, parses (and fixes) and lints one entry; safe on several threads at once when not fixing. */
    private Outcome check(Listing.Entry entry) {
        return check(entry, cache, fix);
    }

    private Outcome check(Listing.Entry entry, LintCache cache, boolean fix) {
        if (entry instanceof Listing.Unreadable u) {
            return new Outcome(null, null, u.error(), null, null);
        }
        Input in = (Input) entry;
        String fixed = null;
        InputException unwritten = null;
        try {
            String key = null;
            SourceText text;
            if (cache != null) {
                byte[] content = in.content();
                key = LintCache.contentKey(content);
                LintCache.Known known = cache.get(key, in.name());
                if (known != null) {
                    return new Outcome(in.name(), known.findings(), null, null, null, null, known.draft());
                }
                text = TextFiles.decode(in.path(), content);
            } else {
                text = in.read();
            }
            Postmortem pm = parser.parse(in.path(), text);
            if (fix) {
                boolean bom = pm.source().hasBom();
                List<String> did = new ArrayList<>();
                FrontMatterFix.Fixed slips = FrontMatterFix.apply(pm);
                Postmortem before = pm;
                if (slips != null) {
                    pm = parser.parse(in.path(), SourceText.of(slips.text()));
                    did.add("fixed the front matter's YAML (" + slips.summary() + ")");
                }
                ActionSyncFix.Result sync = ActionSyncFix.apply(parser, pm, prefer);
                if (sync.text() != null) {
                    pm = parser.parse(in.path(), SourceText.of(sync.text()));
                    did.addAll(sync.did());
                }
                ActionTableFix.Outcome outcome = ActionTableFix.apply(pm, sync.keepRows());
                String refused = null;
                if (outcome instanceof ActionTableFix.Refused r) {
                    refused = r.reason();
                } else if (outcome instanceof ActionTableFix.Fixed f) {
                    pm = parser.parse(in.path(), SourceText.of(f.text()));
                    did.add("rewrote the Action items table from the front matter");
                }
                String conflicts = sync.left().isEmpty() ? null : String.join("; ", sync.left());
                if (did.isEmpty()) {
                    String why = conflicts == null ? refused : refused == null ? conflicts : conflicts + "; " + refused;
                    fixed = why == null ? null : "--fix left the file alone: " + why;
                } else {
                    String rewritten = bom ? "\uFEFF" + pm.source().text() : pm.source().text();
                    Path target = AtomicFiles.linkTarget(in.path());
                    if (!target.equals(in.path()) && !target.startsWith(repository(in.path()))) {
                        fixed = "--fix left the file alone: it is a symbolic link to " + target + ", outside the "
                                + "repository; run pm lint --fix on that file where it lives";
                        pm = before;
                    } else {
                        try {
                            AtomicFiles.replace(target, rewritten.getBytes(StandardCharsets.UTF_8));
                            fixed = String.join("; ", did) + (target.equals(in.path()) ? ""
                                    : ", in " + names.apply(target) + " (where the link leads)")
                                    + (conflicts == null ? "" : "; it left alone " + conflicts)
                                    + (refused == null ? "" : "; it left the Action items table alone: " + refused);
                        } catch (InputException e) {
                            unwritten = new InputException(in.path(), 0, "could not write the fix: " + e.getMessage());
                            pm = before;
                        }
                    }
                }
            }
            List<Finding> findings = linter.lint(pm, in.name());
            boolean draft = linter.isDraft(pm);
            if (key != null) {
                cache.put(key, findings, draft);
            }
            return new Outcome(in.name(), findings, null, null, fixed, unwritten, draft);
        } catch (InputException e) {
            return new Outcome(in.name(), null, e, null, fixed);
        } catch (pm.parse.UnreadableBody e) {
            return new Outcome(in.name(), null, new InputException(in.path(), e.line(), e.getMessage()), null, fixed);
        } catch (Linter.RuleFailure e) {
            return new Outcome(in.name(), null, null, e, fixed);
        }
    }

    /**
     * The real path of the git work tree {@code link} is in (its nearest folder with a {@code .git}), else of the
     * run's root, else of the link's folder.
     */
    private Path repository(Path link) throws InputException {
        Path folder = link.toAbsolutePath().normalize().getParent();
        Path top = root != null ? root : folder;
        for (Path d = folder; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                top = d;
                break;
            }
        }
        try {
            return top.toRealPath();
        } catch (IOException e) {
            throw new InputException(link, 0, "cannot tell which repository the link is in: " + e.getMessage());
        }
    }

    private static void emit(Outcome o, Listener out) {
        if (o.fixed() != null) {
            out.fixed(o.name(), o.fixed());
        }
        if (o.unwritten() != null) {
            out.unwritten(o.unwritten());
        }
        if (o.unreadable() != null) {
            out.unreadable(o.unreadable());
        } else if (o.failure() != null) {
            out.failed(o.failure());
        } else {
            out.file(o.name(), o.findings(), o.draft());
        }
    }

    /**
     * Lints on all cores and reports in order, as a sequential run would: a bounded window of entries is in
     * flight, so only the findings of a few dozen files are held at once.
     */
    private void inParallel(List<Listing.Entry> entries, Listener out) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pm-lint");
            t.setDaemon(true);
            return t;
        });
        try {
            // a few files per task: a task per file cost a hand-over and a wake-up each
            ArrayDeque<Future<List<Outcome>>> window = new ArrayDeque<>();
            int next = 0;
            while (next < entries.size() || !window.isEmpty()) {
                while (next < entries.size() && window.size() * FILES_PER_TASK < threads * AHEAD_PER_THREAD) {
                    List<Listing.Entry> chunk = entries.subList(next, Math.min(entries.size(), next + FILES_PER_TASK));
                    next += chunk.size();
                    window.add(pool.submit(() -> {
                        List<Outcome> outcomes = new ArrayList<>(chunk.size());
                        for (Listing.Entry e : chunk) {
                            outcomes.add(check(e));
                        }
                        return outcomes;
                    }));
                }
                for (Outcome o : result(window.poll())) {
                    emit(o, out);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
