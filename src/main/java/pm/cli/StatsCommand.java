package pm.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.git.TrackedFiles;
import pm.io.InputException;
import pm.model.FrontMatter;
import pm.model.Owners;
import pm.model.Problem;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;
import pm.parse.PostmortemParser;
import pm.report.Visible;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;
import pm.source.Sources;
import pm.stats.History;
import pm.stats.Incident;
import pm.stats.Metrics;
import pm.stats.Stats;
import pm.stats.StatsWriter;
import pm.yaml.YamlNode;

/** {@code pm stats [DIR]}: whether the team is getting better, from the postmortems git tracks and their history. */
@Command(name = "stats",
        description = {"Measure incidents and follow-through per month, quarter or year: incidents by severity; "
                + "time to detect and resolve (median, p90, how many have the timestamps); from git history, time to "
                + "the first commit, in-review and published; action items created, done, open and on time; repeat "
                + "incidents on a service and open items from earlier ones.",
                "Reads the front matter of the *.md files git tracks under DIR, as pm overdue does, and one walk of "
                + "their git history. Never groups or counts by person."},
        footer = {"", "Exit status: 0 report printed; 2 usage or input error.",
                "", "Examples:", "  pm stats", "  pm stats --by quarter --since 2025-01-01 --format markdown",
                "  pm stats --service payments-api --format json",
                "  pm stats --explain resolve --period 2025-03"})
public final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of postmortems (default: "
            + "postmortems_dir from .pm.yml, else postmortems/ at the repository root).")
    String dir;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "month", description = "month (default), quarter "
            + "or year.")
    String by;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Only "
            + "incidents on or after this day.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Only "
            + "incidents on or before this day.")
    LocalDate until;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Count "
            + "what is overdue and past its deadlines as of this day (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--severity", paramLabel = "SEV", description = "Only incidents of this severity (repeatable).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "Only incidents on this service (repeatable).")
    List<String> services = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), "
            + "markdown, json or csv.")
    String format;

    @Option(names = "--rev", paramLabel = "REV", description = "Read the postmortems and their history as committed "
            + "at REV (e.g. origin/main), not the working tree.")
    String rev;

    @Option(names = "--no-git", description = "Scan DIR as it is on disk, without git; the history metrics then say "
            + "'no history'.")
    boolean noGit;

    @Option(names = "--explain", paramLabel = "METRIC", description = "List the files (file:line) and commits behind "
            + "one number, e.g. --explain resolve --period 2025-03 (metrics: incidents, severity:SEV1, detect, "
            + "resolve, first-commit, in-review, published, deadline:publish, created, done, wont-do, open, on-time, "
            + "days-to-done, overdue, repeats).")
    String explain;

    @Option(names = "--period", paramLabel = "P", description = "With --explain: the period (2025-03, 2025-Q1, 2025, "
            + "or all).")
    String period;

    @Mixin
    StandardOptions standard;

    @Override
    public Integer call() throws InputException {
        return run(parent.context());
    }

    public int run(Context ctx) throws InputException {
        Metrics.By byPeriod = Metrics.By.parse(by);
        if (byPeriod == null) {
            throw new InputException("--by '" + by + "' is not one of month, quarter, year");
        }
        StatsWriter writer = StatsWriter.parse(format);
        if (writer == null) {
            throw new InputException("--format '" + format + "' is not one of table, markdown, json, csv");
        }
        if (noGit && rev != null) {
            throw new InputException("--no-git cannot be combined with --rev; --rev reads git");
        }
        if (rev != null && rev.isBlank()) {
            throw new InputException("--rev is empty; name a branch, tag or commit, e.g. --rev origin/main");
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new InputException("--since " + since + " is after --until " + until + "; swap them");
        }
        if ((explain == null) != (period == null)) {
            throw new InputException(explain == null ? "--period only goes with --explain METRIC"
                    : "--explain needs --period, e.g. --explain " + explain + " --period all");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx.clock());
        Settings all = Settings.load(ctx.cwd());
        Config config = all.config();
        List<String> sevs = Converters.severities(severities, config.schema());
        Path target = dir != null ? ctx.resolve(dir) : config.postmortemsDir();
        Names names = ctx.names();
        PostmortemParser parser = new PostmortemParser(config.schema());

        if (noGit) {
            return report(ctx, all, parser, Sources.scan(target, config.root(), names), History.none("--no-git"),
                    null, day, byPeriod, writer, sevs, target);
        }
        try (TrackedFiles git = TrackedFiles.find(target)) {
            if (git == null) {
                throw new InputException(target, 0, "not inside a git repository; run pm stats in the repository "
                        + "that holds the postmortems, or add --no-git to scan the folder as it is");
            }
            Listing listing = rev != null ? Sources.atRevision(git, target, rev, names)
                    : Sources.tracked(git, target, false, names);
            if (dir != null && rev == null && listing.inputs().isEmpty() && !Files.exists(target)) {
                throw new InputException(target, 0, Sources.NO_SUCH_FOLDER);
            }
            Path base = git.workTree() != null ? git.workTree() : git.gitDir();
            History history = History.read(git, rev, prefix(git, target), parser);
            return report(ctx, all, parser, listing, history, base, day, byPeriod, writer, sevs, target);
        }
    }

    /** The folder's path in the repository, '/' separated ("" for the whole of it). */
    private static String prefix(TrackedFiles git, Path target) {
        if (git.workTree() == null) {
            return "";
        }
        try {
            Path root = git.workTree().toRealPath();
            Path real = target.toRealPath();
            return real.startsWith(root) ? root.relativize(real).toString().replace('\\', '/') : "";
        } catch (IOException e) {
            Path rel = git.workTree().relativize(target.toAbsolutePath().normalize());
            return rel.toString().replace('\\', '/');
        }
    }

    private int report(Context ctx, Settings all, PostmortemParser parser, Listing listing, History history,
            Path base, LocalDate day, Metrics.By byPeriod, StatsWriter writer, List<String> sevs, Path target)
            throws InputException {
        Config config = all.config();
        List<Input> inputs = listing.inputs();
        List<String> skipped = new ArrayList<>();
        for (InputException e : listing.problems()) {
            skipped.add(ctx.names().of(e.file()) + ":" + (e.line() > 0 ? e.line() + ":" : "") + " " + e.getMessage());
        }
        List<Object> read = (inputs.size() > 64 ? inputs.parallelStream() : inputs.stream()).map(in -> {
            try {
                FrontMatter fm = parser.frontMatter(in.read());
                if (!fm.present() || !fm.readable()) {
                    Problem p = fm.problems().isEmpty() ? Problem.at(1, 1, "front matter cannot be read")
                            : fm.problems().get(0);
                    return (Object) (in.name() + ":" + p.line() + ": " + p.message());
                }
                String path = base == null ? null : base.relativize(in.path()).toString().replace('\\', '/');
                return (Object) Incident.of(in.name(), path, fm, history.of(path));
            } catch (InputException e) {
                return (Object) (in.name() + ":" + (e.line() > 0 ? e.line() + ":" : "") + " " + e.getMessage());
            }
        }).toList();
        List<Incident> incidents = new ArrayList<>();
        for (Object o : read) {
            if (o instanceof Incident i) {
                incidents.add(i);
            } else {
                skipped.add((String) o);
            }
        }
        for (String s : skipped) {
            ctx.err().println("pm: " + Visible.of(s) + " (skipped)");
        }
        if (incidents.isEmpty() && skipped.isEmpty()) {
            ctx.err().println("pm: no postmortems found under " + Visible.of(ctx.names().of(target))
                    + (noGit ? "" : rev != null ? " at " + Visible.of(rev)
                    : ": git tracks no *.md files there (git add them)"));
        }
        ctx.err().flush();

        // open and overdue today, as pm overdue counts it: its own collector over the same files
        OverdueCollector overdue = new OverdueCollector(parser, all.overdue(), day, OverdueFilter.NONE,
                Owners.placeholders(ownerPlaceholders(config)), all.policies());
        OverdueReport rows = overdue.collect(Listing.of(new ArrayList<>(inputs)), ctx.names());
        Map<String, List<OverdueItem>> byFile = new HashMap<>();
        for (OverdueItem i : rows.items()) {
            byFile.computeIfAbsent(i.file(), k -> new ArrayList<>()).add(i);
        }

        List<Incident> selected = incidents.stream().filter(i -> keeps(i, sevs)).toList();
        Stats.Result result = new Stats(all.stats(), all.overdue(), day, byFile, config.schema().severities())
                .compute(incidents, selected, byPeriod, history.missing());

        PrintWriter out = new PrintWriter(new BufferedWriter(ctx.out(), 1 << 16), false);
        if (explain != null) {
            if (!StatsWriter.metrics(result).stream().anyMatch(m -> m.equalsIgnoreCase(explain))) {
                throw new InputException("--explain '" + explain + "' is not a metric; one of: "
                        + String.join(", ", StatsWriter.metrics(result)));
            }
            List<String> lines = StatsWriter.explain(result, explain, period);
            if (lines == null) {
                throw new InputException("--period '" + period + "' is not a period of this report; one of: "
                        + String.join(", ", result.periods().stream().map(Stats.Period::name).toList())
                        + (result.periods().isEmpty() ? "" : ", ") + "all");
            }
            out.println(explain + " in " + period + ": " + lines.size() + (lines.size() == 1 ? " entry" : " entries")
                    + (result.historyMissing() == null ? "" : " (no history: " + result.historyMissing() + ")"));
            lines.forEach(out::println);
        } else {
            writer.write(result, out);
        }
        out.flush();
        return ExitStatus.OK;
    }

    private boolean keeps(Incident i, List<String> sevs) {
        if (since != null && (i.day() == null || i.day().isBefore(since))) {
            return false;
        }
        if (until != null && (i.day() == null || i.day().isAfter(until))) {
            return false;
        }
        if (!sevs.isEmpty() && (i.fm().severity() == null || sevs.stream().noneMatch(i.fm().severity()::equals))) {
            return false;
        }
        return services.isEmpty() || i.fm().services().stream()
                .anyMatch(s -> services.stream().anyMatch(s::equalsIgnoreCase));
    }

    /** The owners that name nobody: {@code lint.owner_placeholders}, as pm overdue reads them. */
    private static List<String> ownerPlaceholders(Config config) throws InputException {
        YamlNode.Mapping lint = config.section("lint");
        return lint == null ? Owners.DEFAULT_PLACEHOLDERS
                : Config.strings(config.file(), lint, "owner_placeholders", Owners.DEFAULT_PLACEHOLDERS);
    }
}
