package pm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import pm.config.Config;
import pm.io.InputException;
import pm.lint.Finding;
import pm.lint.LintCache;
import pm.lint.LintRun;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.Severity;
import pm.lint.rules.Rules;
import pm.parse.PostmortemParser;
import pm.report.Report;
import pm.report.Visible;
import pm.source.Listing;
import pm.source.Names;
import pm.source.Sources;

/** {@code pm lint [PATH...]}: checks postmortems and reports what to fix. */
@Command(name = "lint",
        description = {"Check postmortems for blame language, incomplete or vague action items, missing "
                + "sections, bad front matter and an out-of-order timeline.",
                "Prints file:line:col: severity rule-id message. Exit status: 0 no errors, 1 errors found, "
                        + "2 usage, unreadable file or a fix that could not be written."},
        footer = {"", "Examples:", "  pm lint                       # the postmortems directory",
                "  pm lint postmortems/2025-03-14-payment-api-outage.md",
                "  pm lint --staged              # what is staged for commit (the pre-commit hook)",
                "  pm lint --rev origin/main     # the postmortems as committed there",
                "  pm lint --cache               # skip files unchanged since the last run (CI)",
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

    /** {@code --format}'s default. */
    public static final String DEFAULT_FORMAT = "text";
    /** {@code --color}'s default. */
    public static final String DEFAULT_COLOR = "auto";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = "text (default), json, sarif (code scanning) or github (workflow annotations).")
    String formatName;

    @Option(names = "--staged", description = "Lint only staged postmortems, as staged in the git index "
            + "(for a pre-commit hook).")
    boolean staged;

    @Option(names = "--rev", paramLabel = "REV", description = "Lint the postmortems as committed at REV (a "
            + "branch, tag or commit), not the working tree.")
    String rev;

    @Option(names = "--fix", description = "Fix what can be fixed in place: the front matter's YAML slips, and "
            + "the action items synced both ways (items and fields only the body has go into action_items; the "
            + "Action items table is written from action_items). Nothing else in the file changes. An item whose "
            + "field differs on the two sides is left alone and named; see --prefer.")
    boolean fix;

    @Option(names = "--prefer", paramLabel = "SIDE", description = "With --fix: which side wins where the front "
            + "matter and the body give an item's field differently: body or front-matter. "
            + "E.g. pm lint --fix --prefer body")
    String prefer;

    @Option(names = "--strict", description = "Lint every file as if it were in review: no rule is relaxed for "
            + "drafts (for CI on the main branch).")
    boolean strict;

    @Option(names = "--cache", description = "Keep findings in a cache file and reuse them for files whose content "
            + "has not changed (a new pm build or .pm.yml starts it afresh).")
    boolean cache;

    @Option(names = "--cache-location", paramLabel = "PATH", description = "The cache file (default: .pm-cache in "
            + "the current directory; in a folder, .pm-cache inside it). Implies --cache.")
    String cacheLocation;

    /** The cache file when none is named. */
    static final String CACHE_FILE = ".pm-cache";

    /** When text output is coloured. */
    public enum ColorMode { AUTO, ALWAYS, NEVER;
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = DEFAULT_COLOR,
            description = "auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    ColorMode color;

    @Mixin
    StandardOptions standard;

    /** The command as {@code pm lint} with these options would run it, for callers that read the line themselves. */
    public static LintCommand of(List<String> paths, String format, boolean staged, boolean fix, boolean cache,
            ColorMode color) {
        LintCommand cmd = new LintCommand();
        cmd.paths = List.copyOf(paths);
        cmd.formatName = format;
        cmd.staged = staged;
        cmd.fix = fix;
        cmd.cache = cache;
        cmd.color = color;
        return cmd;
    }

    /** {@link #of}, linting every file as if it were in review ({@code --strict}). */
    public LintCommand strict(boolean on) {
        this.strict = on;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        String wrong = problem();
        if (wrong != null) {
            throw new ParameterException(spec.commandLine(), wrong);
        }
        return run(parent.context());
    }

    /** What is wrong with the options, for a usage error; null when they can be used together. */
    public String problem() {
        if (format(formatName) == null) {
            return "--format '" + formatName + "' is not a format; use text, json, sarif or github";
        }
        if (prefer != null && !fix) {
            return "--prefer only chooses for --fix; add --fix or drop --prefer";
        }
        if (prefer != null && pm.lint.ActionItemSync.Prefer.parse(prefer) == null) {
            return "--prefer '" + prefer + "' is not a side; use body or front-matter";
        }
        if (staged && fix) {
            return "--fix cannot be used with --staged: it would change the working tree, not what is staged; "
                    + "run 'pm lint --fix' first, then 'git add'";
        }
        if (rev != null && (staged || fix)) {
            return "--rev cannot be used with " + (staged ? "--staged" : "--fix") + ": it reads a commit, not "
                    + (staged ? "the index" : "the working tree");
        }
        if (rev != null && rev.isBlank()) {
            return "--rev is empty; name a branch, tag or commit, e.g. --rev origin/main";
        }
        return null;
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

    /** Runs the command once its options are known to be valid ({@link #problem}). */
    public int run(Context ctx) throws InputException {
        Settings all = Settings.load(ctx.cwd());
        Config config = all.config();
        LintSettings settings = all.lint();
        Names names = ctx.names();
        LintRun run = new LintRun(new PostmortemParser(config.schema()), settings, Rules.ALL, fix, strict)
                .fixingIn(config.root(), names)
                .preferring(prefer == null ? pm.lint.ActionItemSync.Prefer.NONE
                        : pm.lint.ActionItemSync.Prefer.parse(prefer));
        List<Path> targets = new ArrayList<>();
        for (String p : paths) {
            targets.add(ctx.resolve(p));
        }
        boolean byDefault = targets.isEmpty();
        if (byDefault) {
            targets.add(config.postmortemsDir());
        }
        Report.Format format = format(formatName);
        LintCache lintCache = null;
        if ((cache || cacheLocation != null) && !fix) { // --fix reads every file: the cache is left as it is
            lintCache = LintCache.open(cacheFile(ctx), cacheKey(config) + (strict ? " strict" : ""));
            run.withCache(lintCache);
        }
        try (Listing listing = staged ? Sources.staged(ctx.cwd(), ctx.env(), targets, names)
                : rev != null ? Sources.revision(targets, rev, byDefault, names)
                : Sources.paths(targets, byDefault, names)) {
            // pm's version is named only in SARIF output: the others need not read it
            Report report = format.create(ctx.out(), useColor(ctx, format), format == Report.Format.SARIF
                    ? VersionProvider.version() : "", Rules.metas());
            Outcomes outcomes = new Outcomes(ctx, report, settings.drafts().keySet());
            run.lint(listing, outcomes);
            if (lintCache != null) {
                try {
                    lintCache.save();
                } catch (InputException e) {
                    ctx.err().println("pm: " + Visible.of(e.oneLine(names))
                            + " (the cache was not written; the findings stand)");
                }
            }
            report.finish(outcomes.unreadable, outcomes.unwritten);
            if (staged && outcomes.errors) {
                ctx.out().flush();
                ctx.err().println(outcomes.refusal());
            }
            ctx.err().flush();
            return outcomes.internal ? ExitStatus.INTERNAL : outcomes.unreadable + outcomes.unwritten > 0
                    ? ExitStatus.USAGE : outcomes.errors ? ExitStatus.FINDINGS : 0;
        }
    }

    /** The cache file: --cache-location (a folder gets .pm-cache inside it), else .pm-cache here. */
    private Path cacheFile(Context ctx) {
        if (cacheLocation == null) {
            return ctx.resolve(CACHE_FILE);
        }
        Path p = ctx.resolve(cacheLocation);
        return Files.isDirectory(p) || cacheLocation.endsWith("/") ? p.resolve(CACHE_FILE) : p;
    }

    /**
     * What the findings depend on besides a file's content: pm's version and build (rules change with them) and the
     * configuration file, as bytes.
     */
    private static String cacheKey(Config config) throws InputException {
        StringBuilder key = new StringBuilder(VersionProvider.version()).append(' ').append(VersionProvider.build());
        if (config.file() != null) {
            try {
                byte[] bytes = Files.readAllBytes(config.file());
                key.append(' ').append(config.file().toAbsolutePath().normalize()).append(' ')
                        .append(LintCache.contentKey(bytes));
            } catch (java.io.IOException e) {
                throw new InputException(config.file(), 0, "cannot be read: " + e.getMessage());
            }
        }
        return key.toString();
    }

    /** Writes each file's outcome: findings to the report, everything else to stderr; tallies the exit status. */
    private static final class Outcomes implements LintRun.Listener {
        private final Context ctx;
        private final Report report;
        private int unreadable;
        private int unwritten;
        private boolean errors;
        private boolean internal;
        /** The rules a draft relaxes; errors of theirs in a file that is not a draft could wait in one. */
        private final java.util.Set<String> relaxable;
        private int errorCount;
        private boolean draftWouldDo;

        Outcomes(Context ctx, Report report, java.util.Set<String> relaxable) {
            this.ctx = ctx;
            this.report = report;
            this.relaxable = relaxable;
        }

        /**
         * The last line of a refused commit: what to do. Keeping a postmortem a draft is offered only when that would
         * let these errors wait; --no-verify is named with what it costs.
         */
        String refusal() {
            return "pm: commit refused (" + errorCount + (errorCount == 1 ? " error" : " errors") + "): fix the lines "
                    + "above" + (draftWouldDo ? ", or keep the postmortem a draft (status: draft) to commit it "
                    + "unfinished" : "") + "; git commit --no-verify skips every check, the blame check too";
        }

        @Override
        public void file(String name, List<Finding> findings) {
            file(name, findings, false);
        }

        @Override
        public void file(String name, List<Finding> findings, boolean draft) {
            for (Finding f : findings) {
                if (f.severity() == Severity.ERROR) {
                    errors = true;
                    errorCount++;
                    draftWouldDo |= !draft && !f.firm() && relaxable.contains(f.rule());
                }
            }
            report.file(name, findings, draft);
        }

        @Override
        public void unreadable(InputException e) {
            unreadable++;
            ctx.err().println("pm: " + Visible.of(e.oneLine(ctx.names())));
            ctx.err().flush();
        }

        @Override
        public void unwritten(InputException e) {
            unwritten++;
            ctx.err().println("pm: " + Visible.of(e.oneLine(ctx.names())));
            ctx.err().flush();
        }

        @Override
        public void fixed(String name, String message) {
            ctx.err().println(Visible.of(name) + ": " + Visible.of(message));
        }

        @Override
        public void failed(Linter.RuleFailure failure) {
            internal = true;
            ctx.err().println("pm: internal error: " + Visible.of(failure.getMessage()) + " (a bug in pm; please "
                    + "report it with the file)");
            if (ctx.env().get("PM_DEBUG") != null) {
                failure.printStackTrace(ctx.err());
            }
        }
    }

    private boolean useColor(Context ctx, Report.Format format) {
        return switch (color) {
            case ALWAYS -> format == Report.Format.TEXT;
            case NEVER -> false;
            case AUTO -> format == Report.Format.TEXT && ctx.env().getOrDefault("NO_COLOR", "").isEmpty()
                    && ctx.terminal();
        };
    }
}
