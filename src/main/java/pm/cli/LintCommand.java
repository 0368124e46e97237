package pm.cli;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import pm.config.Config;
import pm.git.StagedFiles;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.io.MarkdownFiles;
import pm.io.TextFiles;
import pm.lint.ActionTableFix;
import pm.lint.Finding;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.Severity;
import pm.lint.rules.Rules;
import pm.model.Postmortem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.report.Report;

/** {@code pm lint [PATH...]}: checks postmortems and reports what to fix. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check postmortems for blame language, incomplete or vague action items, missing "
                + "sections, bad front matter and an out-of-order timeline.",
                "Prints file:line:col: severity rule-id message. Exit status: 0 no errors, 1 errors found, "
                        + "2 usage or unreadable file."},
        footer = {"", "Examples:", "  pm lint                       # the postmortems directory",
                "  pm lint postmortems/2025-03-14-payment-api-outage.md",
                "  pm lint --staged              # what is staged for commit (the pre-commit hook)",
                "  pm lint --format sarif > pm.sarif",
                "", "Turn rules off or change severities under 'lint:' in .pm.yml; silence one place with "
                        + "<!-- pm-disable-next-line rule-id -->."})
public final class LintCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (searched for *.md). "
            + "Default: postmortems_dir from .pm.yml.")
    List<String> paths = new ArrayList<>();

    /** {@code --format}'s default; {@link FastPath} starts from it too. */
    static final String DEFAULT_FORMAT = "text";
    /** {@code --color}'s default. */
    static final String DEFAULT_COLOR = "auto";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = "text (default), json, sarif (code scanning) or github (workflow annotations).")
    String formatName;

    private Report.Format format;

    @Option(names = "--staged", description = "Lint only staged postmortems, as staged in the git index "
            + "(for a pre-commit hook).")
    boolean staged;

    @Option(names = "--fix", description = "Rewrite each file's Action items table from its front matter "
            + "action_items; nothing else in the file changes.")
    boolean fix;

    enum ColorMode { AUTO, ALWAYS, NEVER;
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = DEFAULT_COLOR,
            description = "auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    ColorMode color;

    private Context ctx;
    private Report report;
    private PostmortemParser parser;
    private Linter linter;
    /** The linter being made on another thread, or null once {@link #linter} is set. */
    private FutureTask<Linter> linterReady;
    private int unreadable;
    private boolean errors;
    private boolean internal;

    @Override
    public Integer call() throws Exception {
        if (format(formatName) == null) {
            throw new ParameterException(spec.commandLine(), "--format '" + formatName
                    + "' is not a format; use text, json, sarif or github");
        }
        if (!compatible(staged, fix)) {
            throw new ParameterException(spec.commandLine(), "--fix cannot be used with --staged: it would change "
                    + "the working tree, not what is staged; run 'pm lint --fix' first, then 'git add'");
        }
        return run(parent.context());
    }

    /** The report format {@code --format} names (case and surrounding blanks ignored), or null for none. */
    static Report.Format format(String name) {
        String wanted = name.strip();
        for (Report.Format f : Report.Format.values()) {
            if (f.toString().equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        return null;
    }

    /** Whether the options may be given together: --fix changes the working tree, --staged reads the index. */
    static boolean compatible(boolean staged, boolean fix) {
        return !(staged && fix);
    }

    /** Runs the command once its options are known to be valid ({@link #format}, {@link #compatible}). */
    int run(Context context) throws Exception {
        ctx = context;
        format = format(formatName);
        Config config = Config.load(ctx.cwd());
        LintSettings settings = LintSettings.of(config, Rules.metas());
        parser = new PostmortemParser(config.schema());
        List<Path> targets = new ArrayList<>();
        for (String p : paths) {
            targets.add(ctx.resolve(p));
        }
        boolean byDefault = targets.isEmpty();
        if (byDefault) {
            targets.add(config.postmortemsDir());
        }
        if (!staged && targets.stream().anyMatch(Files::isDirectory)) {
            // the rules (their patterns and indexes: ~60 ms) are made while the folder is listed
            linterReady = new FutureTask<>(() -> new Linter(settings, Rules.ALL));
            Thread t = new Thread(linterReady, "pm-rules");
            t.setDaemon(true);
            t.start();
        } else {
            linter = new Linter(settings, Rules.ALL);
        }
        // pm's version is named only in SARIF output: the others need not read it
        report = format.create(ctx.out(), useColor(), format == Report.Format.SARIF
                ? new VersionProvider().getVersion()[0].replaceFirst("^pm (\\S+).*", "$1") : "", Rules.metas());
        if (staged) {
            StagedFiles.Problems problems = StagedFiles.forEach(ctx.cwd(), ctx.env(), targets,
                    (file, bytes) -> lint(file, () -> TextFiles.decode(file, bytes)));
            problems.errors().forEach(this::unreadable);
        } else {
            for (Path target : targets) {
                lintPath(target, byDefault);
            }
        }
        report.finish(unreadable);
        ctx.err().flush();
        return internal ? Main.EXIT_INTERNAL : unreadable > 0 ? Main.EXIT_USAGE : errors ? Main.EXIT_FINDINGS : 0;
    }

    private void lintPath(Path target, boolean byDefault) {
        if (Files.isDirectory(target)) {
            MarkdownFiles.Walk walk = MarkdownFiles.under(target);
            List<Path> files = walk.files();
            linterMade();
            if (fix || files.size() < PARALLEL_FROM) {
                for (Path file : files) {
                    lint(file, () -> TextFiles.read(file, walk.attributes(file)));
                }
            } else {
                lintInParallel(walk);
            }
            walk.errors().forEach(this::unreadable);
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            lint(target, () -> TextFiles.read(target));
        } else {
            unreadable(new InputException(target, 0, byDefault
                    ? "no such directory: it is postmortems_dir (default 'postmortems'); run 'pm init', set "
                    + "postmortems_dir in .pm.yml, or name the files to lint"
                    : "no such file or directory"));
        }
    }

    /** Waits for the linter made on another thread, if it is; its failure is thrown here as it was there. */
    private void linterMade() {
        if (linterReady == null) {
            return;
        }
        linter = result(linterReady);
        linterReady = null;
    }

    @FunctionalInterface
    private interface Source {
        SourceText read() throws InputException;
    }

    /** Reads, parses, lints and reports one file; nothing of it is kept afterwards. */
    private void lint(Path file, Source source) {
        linterMade();
        emit(check(file, source));
    }

    /** What linting one file gave: its findings, or why it could not be read, or a rule's failure. */
    private record Outcome(String name, List<Finding> findings, InputException unreadable,
                           Linter.RuleFailure failure) {
    }

    /** Reads, parses and lints one file; safe to run on several threads at once (--fix aside). */
    private Outcome check(Path file, Source source) {
        String name = NewCommand.display(ctx.cwd(), file);
        try {
            SourceText text = source.read();
            Postmortem pm = parser.parse(file, text);
            if (fix) {
                pm = fix(file, name, pm);
            }
            return new Outcome(name, linter.lint(pm, name), null, null);
        } catch (InputException e) {
            return new Outcome(name, null, e, null);
        } catch (Linter.RuleFailure e) {
            return new Outcome(name, null, null, e);
        }
    }

    /** Reports one file's outcome; always on the command's thread, in file order. */
    private void emit(Outcome outcome) {
        if (outcome.unreadable() != null) {
            unreadable(outcome.unreadable());
        } else if (outcome.failure() != null) {
            internal = true;
            ctx.err().println("pm: internal error: " + outcome.failure().getMessage() + " (a bug in pm; please "
                    + "report it with the file)");
            if (ctx.env().get("PM_DEBUG") != null) {
                outcome.failure().printStackTrace(ctx.err());
            }
        } else {
            for (Finding f : outcome.findings()) {
                errors |= f.severity() == Severity.ERROR;
            }
            report.file(outcome.name(), outcome.findings());
        }
    }

    /** Directories with at least this many files are linted on all cores. */
    private static final int PARALLEL_FROM = 16;
    /** Files being linted ahead of the one reported next: bounds the memory held by finished files. */
    private static final int AHEAD_PER_THREAD = 32;
    private static final int FILES_PER_TASK = 8;

    /**
     * Lints files on all cores and reports them in file order, as a sequential run would: a bounded window
     * of files is in flight, so only the findings of a few dozen files are held at once.
     */
    private void lintInParallel(MarkdownFiles.Walk walk) {
        List<Path> files = walk.files();
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
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() * FILES_PER_TASK < threads * AHEAD_PER_THREAD) {
                    List<Path> chunk = files.subList(next, Math.min(files.size(), next + FILES_PER_TASK));
                    next += chunk.size();
                    window.add(pool.submit(() -> {
                        List<Outcome> outcomes = new ArrayList<>(chunk.size());
                        for (Path file : chunk) {
                            BasicFileAttributes attrs = walk.attributes(file);
                            outcomes.add(check(file, () -> TextFiles.read(file, attrs)));
                        }
                        return outcomes;
                    }));
                }
                result(window.poll()).forEach(this::emit);
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

    private Postmortem fix(Path file, String name, Postmortem pm) throws InputException {
        ActionTableFix.Outcome outcome = ActionTableFix.apply(pm);
        if (outcome instanceof ActionTableFix.Refused r) {
            ctx.err().println(name + ": --fix left the file alone: " + r.reason());
        } else if (outcome instanceof ActionTableFix.Fixed f) {
            String text = pm.source().hasBom() ? "\uFEFF" + f.text() : f.text();
            AtomicFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
            ctx.err().println(name + ": rewrote the Action items table from the front matter");
            return parser.parse(file, SourceText.of(text));
        }
        return pm;
    }

    private void unreadable(InputException e) {
        unreadable++;
        ctx.err().println("pm: " + e.oneLine(ctx.cwd()));
        ctx.err().flush();
    }

    private boolean useColor() {
        return switch (color) {
            case ALWAYS -> format == Report.Format.TEXT;
            case NEVER -> false;
            case AUTO -> format == Report.Format.TEXT && ctx.env().getOrDefault("NO_COLOR", "").isEmpty()
                    && isTerminal();
        };
    }

    /** Whether stdout is a terminal: a console exists and, on Java 22+, says it is a terminal. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = console.getClass().getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17-21: System.console() is null unless stdin and stdout are a terminal
        }
    }

}
