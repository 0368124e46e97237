package pm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import pm.baseline.Baseline;
import pm.baseline.SuppressingListener;
import pm.config.Config;
import pm.io.InputException;
import pm.io.TextFiles;
import pm.lint.Finding;
import pm.lint.LintCache;
import pm.lint.LintRun;
import pm.lint.LintSettings;
import pm.lint.Linter;
import pm.lint.RuleMeta;
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
                "  pm lint --format gitlab > gl-code-quality-report.json",
                "  pm lint --list-rules          # every rule, its severity and tags",
                "  pm lint --explain blame-language",
                "  pm lint --stdin --stdin-filename FILE < buffer.md   # an editor's text",
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
            description = "text (default), json, sarif (code scanning), github (workflow annotations), checkstyle "
                    + "(Jenkins, reviewdog), gitlab (Code Quality report) or junit (test report).")
    String formatName;

    @Option(names = "--list-rules", description = "List every rule: id, default severity, tags and summary.")
    boolean listRules;

    @Option(names = "--explain", paramLabel = "RULE", description = "Explain a rule: what it checks and why, a bad "
            + "and a good example, how to configure or silence it, and its documentation.")
    String explain;

    @Option(names = "--stdin", description = "Lint the text on standard input (for editors); name it with "
            + "--stdin-filename.")
    boolean stdin;

    @Option(names = "--stdin-filename", paramLabel = "PATH", description = "With --stdin: lint the input as if it "
            + "were the file PATH, with its settings and under its name; PATH need not exist.")
    String stdinFilename;

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

    @Option(names = "--suppress-all", description = "Write every current finding to " + Baseline.FILE_NAME
            + " (beside .pm.yml; commit it): later runs report only new ones. For adopting pm on an existing archive.")
    boolean suppressAll;

    @Option(names = "--suppress-rule", paramLabel = "RULE", description = "Like --suppress-all, for one rule's "
            + "findings only (repeatable).")
    List<String> suppressRules = new ArrayList<>();

    @Option(names = "--prune-suppressions", description = "Drop the suppressions that no longer occur.")
    boolean pruneSuppressions;

    @Option(names = "--show-suppressed", description = "List the findings " + Baseline.FILE_NAME
            + " suppresses (on stderr).")
    boolean showSuppressed;

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
        Context ctx = parent.context();
        String alone = aloneProblem();
        if (alone != null) { // one line, no usage hint: these say all there is to say
            ctx.err().println("pm lint: " + Visible.of(alone));
            ctx.err().flush();
            return ExitStatus.USAGE;
        }
        if (listRules) {
            RuleDocs.list(Rules.metas(), ctx.out());
            return ExitStatus.OK;
        }
        if (explain != null) {
            RuleMeta m = RuleDocs.find(Rules.metas(), explain);
            if (m == null) {
                ctx.err().println("pm lint: no rule '" + Visible.of(explain.strip()) + "'; closest: "
                        + String.join(", ", RuleDocs.closest(Rules.metas(), explain))
                        + " (pm lint --list-rules lists them all)");
                ctx.err().flush();
                return ExitStatus.USAGE;
            }
            RuleDocs.explain(m, ctx.out());
            return ExitStatus.OK;
        }
        String wrong = problem();
        if (wrong != null) {
            throw new ParameterException(spec.commandLine(), wrong);
        }
        return run(ctx);
    }

    /**
     * What is wrong with --list-rules, --explain, --stdin or --stdin-filename as given, for a one-line usage error;
     * null when nothing is.
     */
    String aloneProblem() {
        if (listRules && explain != null) {
            return "--list-rules and --explain cannot be used together; run one, e.g. pm lint --explain blame-language";
        }
        if (listRules || explain != null) {
            String option = listRules ? "--list-rules" : "--explain";
            if (!paths.isEmpty() || staged || rev != null || fix || stdin || stdinFilename != null) {
                return option + " lints nothing: run it without PATH, --staged, --rev, --fix or --stdin";
            }
            return null;
        }
        if (stdinFilename != null && !stdin) {
            return "--stdin-filename needs --stdin: pm lint --stdin --stdin-filename " + stdinFilename + " < FILE";
        }
        if (stdin && (!paths.isEmpty() || staged || rev != null)) {
            return "--stdin lints standard input: it cannot be used with " + (!paths.isEmpty() ? "PATH '"
                    + paths.get(0) + "'; name the file it stands for with --stdin-filename" : staged ? "--staged"
                    : "--rev");
        }
        if (stdin && fix) {
            return "--fix cannot be used with --stdin: it rewrites files, and standard input is not one; run "
                    + "pm lint --fix on the file";
        }
        if (stdin && (cache || cacheLocation != null)) {
            return "--cache cannot be used with --stdin: standard input is linted every time";
        }
        if (stdinFilename != null && stdinFilename.isBlank()) {
            return "--stdin-filename is empty; name the file the input is, e.g. --stdin-filename postmortems/draft.md";
        }
        return null;
    }

    /** What is wrong with the options, for a usage error; null when they can be used together. */
    public String problem() {
        if (format(formatName) == null) {
            return "--format '" + formatName + "' is not a format; use " + Report.Format.names();
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
        boolean writing = suppressAll || !suppressRules.isEmpty() || pruneSuppressions;
        if (writing && (staged || rev != null || fix || stdin)) {
            return (suppressAll ? "--suppress-all" : !suppressRules.isEmpty() ? "--suppress-rule"
                    : "--prune-suppressions") + " cannot be used with " + (staged ? "--staged" : rev != null ? "--rev"
                    : fix ? "--fix" : "--stdin") + ": it writes " + Baseline.FILE_NAME + " from the working tree; "
                    + "run it on its own";
        }
        for (String r : suppressRules) {
            if (Rules.metas().stream().noneMatch(m -> m.id().equals(r.strip()))) {
                return "--suppress-rule '" + r + "' is not a rule id; the ids: " + String.join(", ",
                        Rules.metas().stream().map(pm.lint.RuleMeta::id).toList());
            }
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
        if (stdin) {
            return lintStdin(ctx, format, names);
        }
        LintCache lintCache = null;
        if ((cache || cacheLocation != null) && !fix) { // --fix reads every file: the cache is left as it is
            lintCache = LintCache.open(cacheFile(ctx), cacheKey(config) + (strict ? " strict" : ""));
            run.withCache(lintCache);
        }
        try (Listing listing = staged ? Sources.staged(ctx.cwd(), ctx.env(), targets, names)
                : rev != null ? Sources.revision(targets, rev, byDefault, names)
                : Sources.paths(targets, byDefault, names)) {
            // pm's version is named only in SARIF output: the others need not read it
            Report report = report(ctx, format, config.root());
            Outcomes outcomes = new Outcomes(ctx, report, settings.drafts().keySet());
            Path baselineFile = config.root().resolve(Baseline.FILE_NAME);
            Baseline baseline = Baseline.read(baselineFile);
            Set<String> recorded = suppressRules.stream().map(String::strip).collect(Collectors.toSet());
            SuppressingListener suppressing = new SuppressingListener(outcomes, baseline,
                    repoPaths(ctx, config.root()),
                    suppressAll ? r -> true : recorded.isEmpty() ? null : recorded::contains);
            run.lint(listing, suppressing);
            if (lintCache != null) {
                try {
                    lintCache.save();
                } catch (InputException e) {
                    ctx.err().println("pm: " + Visible.of(e.oneLine(names))
                            + " (the cache was not written; the findings stand)");
                }
            }
            report.finish(outcomes.unreadable, outcomes.unwritten);
            suppressions(ctx, baseline, baselineFile, suppressing, byDefault);
            if (staged && outcomes.errors) {
                ctx.out().flush();
                ctx.err().println(outcomes.refusal());
            }
            ctx.err().flush();
            return outcomes.internal ? ExitStatus.INTERNAL : outcomes.unreadable + outcomes.unwritten > 0
                    ? ExitStatus.USAGE : outcomes.errors ? ExitStatus.FINDINGS : 0;
        }
    }

    /** Says what the suppressions did, lists them with --show-suppressed, and writes the file when asked. */
    private void suppressions(Context ctx, Baseline baseline, Path file, SuppressingListener run, boolean byDefault)
            throws InputException {
        String name = ctx.names().of(file);
        if (showSuppressed) {
            for (Finding f : run.suppressed()) {
                ctx.err().println(Visible.of(f.file()) + ":" + f.line() + ":" + f.column() + ": suppressed " + f.rule()
                        + " " + Visible.of(f.message()));
            }
        }
        int pruned = pruneSuppressions ? baseline.prune(byDefault ? run.seen() : null) : 0;
        if (suppressAll || !suppressRules.isEmpty() || pruneSuppressions) {
            if (baseline.changed()) {
                baseline.write(file);
            }
            ctx.err().println("pm: " + (pruned > 0 ? "dropped " + plural(pruned, "suppression") + " that no longer "
                    + "occur; " : "") + name + (baseline.changed() ? " now holds " : " holds ")
                    + plural(baseline.size(), "finding") + (baseline.changed() ? "; commit it with the postmortems"
                    : ", unchanged"));
        } else if (!run.suppressed().isEmpty()) {
            ctx.err().println("pm: " + plural(run.suppressed().size(), "finding") + " suppressed by " + name
                    + (showSuppressed ? "" : " (--show-suppressed lists them)"));
        }
        if (!pruneSuppressions && baseline.prunable() > 0) {
            ctx.err().println("pm: " + plural(baseline.prunable(), "suppression") + " in " + name + " no longer "
                    + (baseline.prunable() == 1 ? "occurs" : "occur") + "; drop "
                    + (baseline.prunable() == 1 ? "it" : "them") + " with pm lint --prune-suppressions");
        }
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Name of standard input in findings when --stdin-filename does not name it. */
    static final String STDIN_NAME = "<stdin>";

    /**
     * {@code --stdin}: lints standard input as if it were the file --stdin-filename names (its .pm.yml, found from
     * that file's folder up, and its name in the findings), or as {@code <stdin>} in the current directory.
     */
    private int lintStdin(Context ctx, Report.Format format, Names names) throws InputException {
        Path asIf = ctx.resolve(stdinFilename != null ? stdinFilename : STDIN_NAME);
        String name = stdinFilename != null ? names.of(asIf) : STDIN_NAME;
        Settings all = Settings.of(Config.forFile(asIf));
        byte[] content;
        try {
            content = ctx.in().readNBytes((int) TextFiles.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new InputException(asIf, 0, "standard input cannot be read: " + e.getMessage());
        }
        if (content.length > TextFiles.MAX_BYTES) {
            throw new InputException(asIf, 0, "standard input is more than pm reads (" + TextFiles.MAX_BYTES
                    / (1024 * 1024) + " MB); move logs and data out of the postmortem");
        }
        LintRun run = new LintRun(new PostmortemParser(all.config().schema()), all.lint(), Rules.ALL, false, strict);
        Report report = report(ctx, format, all.config().root());
        Outcomes outcomes = new Outcomes(ctx, report, all.lint().drafts().keySet());
        Baseline baseline = Baseline.read(all.config().root().resolve(Baseline.FILE_NAME));
        run.lintAsIf(asIf, name, content, new SuppressingListener(outcomes, baseline, repoPaths(ctx,
                all.config().root()), null));
        report.finish(outcomes.unreadable, outcomes.unwritten);
        ctx.err().flush();
        return outcomes.internal ? ExitStatus.INTERNAL : outcomes.unreadable > 0 ? ExitStatus.USAGE
                : outcomes.errors ? ExitStatus.FINDINGS : 0;
    }

    /** The report for {@code format}, writing to standard output. */
    private Report report(Context ctx, Report.Format format, Path configRoot) {
        // pm's version is named only in SARIF and Checkstyle output: the others need not read it
        boolean versioned = format == Report.Format.SARIF || format == Report.Format.CHECKSTYLE;
        return format.create(ctx.out(), useColor(ctx, format), versioned ? VersionProvider.version() : "",
                Rules.metas(), format == Report.Format.GITLAB ? repoPaths(ctx, configRoot) : UnaryOperator.identity());
    }

    /**
     * A file's path from the repository's root (the nearest folder up from the working directory that holds
     * {@code .git}, else the folder of {@code .pm.yml}), with '/' between names, from the name pm shows it under;
     * a file outside it keeps its name.
     */
    static UnaryOperator<String> repoPaths(Context ctx, Path configRoot) {
        Path cwd = ctx.cwd().toAbsolutePath().normalize();
        Path root = configRoot.toAbsolutePath().normalize();
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                root = d;
                break;
            }
        }
        Path top = root;
        return name -> {
            Path file = cwd.resolve(name).normalize();
            if (!file.startsWith(top) || file.equals(top)) {
                return name;
            }
            StringBuilder sb = new StringBuilder();
            for (Path part : top.relativize(file)) {
                sb.append(sb.length() == 0 ? "" : "/").append(part);
            }
            return sb.toString();
        };
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
