package pm.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.model.Owners;
import pm.yaml.YamlNode;
import pm.git.TrackedFiles;
import pm.io.InputException;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;
import pm.overdue.OverdueSettings;
import pm.overdue.Skipped;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.report.OverdueFormat;
import pm.report.Visible;
import pm.source.Listing;
import pm.source.Names;
import pm.source.ReadAhead;
import pm.source.Sources;

/** {@code pm overdue [DIR]}: the follow-ups that are late, from the front matter of the postmortems git tracks. */
@Command(name = "overdue",
        description = {"List late follow-ups: action items past their due date, open ones with no owner or no due "
                + "date, and postmortems behind their draft/review/publish/30-day follow-up deadlines.",
                "The follow-up policies of .pm.yml (default: P0 due within 7 days of the incident, P1 14, P2 30, P3 "
                + "90) make an item without a due date late once its policy's deadline has passed, and list a P0/P1 "
                + "item still open after 2/7 days as not started.",
                "Reads the front matter of the *.md files git tracks under DIR (not untracked or ignored ones)."},
        footer = {"", "Exit status: 0 report printed; 1 something is overdue and --fail-on-overdue was given; "
                + "2 usage or input error, or, with --fail-on-overdue, a file that could not be read.",
                "", "Examples:", "  pm overdue", "  pm overdue --owner @maria --due-within 14",
                "  pm overdue --rev origin/main --format markdown", "  pm overdue --format json --fail-on-overdue",
                "  pm overdue --since 2025-03-13    # what was finished and re-planned since last week's review"})
public final class OverdueCommand implements Callable<Integer> {
    @ParentCommand
    PmCommand parent;


    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of postmortems (default: "
            + "postmortems_dir from .pm.yml, else postmortems/ at the repository root).")
    String dir;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Report "
            + "as of this day (default: today, UTC). An item due on this day is not overdue yet.")
    LocalDate asOf;

    /** {@code --format}'s default. */
    static final String DEFAULT_FORMAT = "table";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT, description = "table (default), "
            + "markdown, json or csv.")
    OverdueFormat format;

    @Option(names = "--csv-raw", description = "With --format csv: write text cells exactly as in the postmortems. "
            + "Without it, a cell starting with =, +, -, @, a tab or a CR gets a leading ' so a spreadsheet shows it "
            + "instead of running it as a formula. Any other format with --csv-raw is a usage error.")
    boolean csvRaw;

    @Mixin
    ItemFilterOptions filters;

    @Option(names = "--due-within", paramLabel = "N", description = "Also list items due in the next N days, "
            + "for planning the sprint.")
    Integer dueWithin;

    @Option(names = "--rev", paramLabel = "REV", description = "Read the postmortems as committed at REV (e.g. "
            + "origin/main), not the working tree.")
    String rev;

    @Option(names = "--include-untracked", description = "Also read *.md files git does not track yet (ignored "
            + "files are still left out).")
    boolean includeUntracked;

    @Option(names = "--no-git", description = "Scan DIR as it is on disk, without asking git which files count.")
    boolean noGit;

    @Option(names = "--fail-on-overdue", description = "Exit 1 when any action item, lifecycle or policy deadline is "
            + "overdue, or an item is not started by its policy's deadline (items with no owner or no due date do not "
            + "count until their policy's deadline); exit 2 when a file could not be read.")
    boolean failOnOverdue;

    @Option(names = "--since", paramLabel = "DATE|REV", description = "Also list the items finished (done or "
            + "wont-do) since this day (YYYY-MM-DD) or commit (e.g. the last review's tag), with who and the commit, and "
            + "the items whose due date moved since then (from -> to, how many times), from the git history. With "
            + "--format json the output is then an object: rows, since, finished, moved.")
    String since;

    /** What {@code --since} found, or {@code null}. */
    private pm.stats.Since changes;

    @Mixin
    StandardOptions standard;

    /** The command as {@code pm overdue [DIR]} without options would run it, for callers that read the line. */
    public static OverdueCommand of(String dir) {
        OverdueCommand cmd = new OverdueCommand();
        cmd.dir = dir;
        cmd.filters = new ItemFilterOptions(); // picocli injects it when it parses the line; the fast path does not
        cmd.format = OverdueFormat.valueOf(DEFAULT_FORMAT.toUpperCase(java.util.Locale.ROOT));
        return cmd;
    }

    @Override
    public Integer call() throws InputException {
        return run(parent.context());
    }

    /** Runs the command with the options as set. */
    public int run(Context ctx) throws InputException {
        if (noGit && (rev != null || includeUntracked)) {
            throw new InputException("--no-git cannot be combined with " + (rev != null ? "--rev" : "--include-untracked")
                    + "; both need git");
        }
        if (rev != null && includeUntracked) {
            throw new InputException("--rev cannot be combined with --include-untracked: untracked files are not in "
                    + "any revision");
        }
        if (rev != null && rev.isBlank()) {
            throw new InputException("--rev is empty; name a branch, tag or commit, e.g. --rev origin/main");
        }
        if (csvRaw && format != OverdueFormat.CSV) {
            throw new InputException("--csv-raw only changes --format csv; add --format csv or drop --csv-raw");
        }
        if (since != null && (noGit || format == OverdueFormat.CSV || since.isBlank())) {
            throw new InputException(since.isBlank() ? "--since is empty; give a day (YYYY-MM-DD) or a commit"
                    : noGit ? "--since reads the git history; drop --no-git"
                    : "--since adds sections a CSV cannot hold; use --format json (or table, markdown)");
        }
        if (dueWithin != null && dueWithin < 0) {
            throw new InputException("--due-within must be 0 or more days, not " + dueWithin);
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx.clock());
        Settings all = Settings.load(ctx.cwd());
        Config config = all.config();
        OverdueSettings settings = all.overdue();
        OverdueFilter filter = filters.filter(config, dueWithin);
        Path target = dir != null ? ctx.resolve(dir) : config.postmortemsDir();
        Names names = ctx.names();

        OverdueCollector collector = new OverdueCollector(new PostmortemParser(config.schema()), settings, day, filter,
                Owners.placeholders(ownerPlaceholders(config)), all.policies());
        if (noGit) {
            return finish(ctx, target, collector.collect(Sources.scan(target, config.root(), names), names));
        }
        // the files on disk are read while git is asked which of them it tracks
        ReadAhead<?> ahead = rev == null ? collector.readAhead(target, names) : null;
        try (TrackedFiles git = TrackedFiles.find(target)) {
            if (git == null) {
                throw new InputException(target, 0, "not inside a git repository; run pm overdue in the "
                        + "repository that holds the postmortems, or add --no-git to scan the folder as it is");
            }
            Listing listing = rev != null ? Sources.atRevision(git, target, rev, names)
                    : Sources.tracked(git, target, includeUntracked, names);
            OverdueReport report = collector.collect(listing, names, ahead);
            if (since != null) {
                changes = changesSince(git, target, names, config);
            }
            if (dir != null && rev == null && report.read() == 0 && report.skipped().isEmpty()
                    && !Files.exists(target)) {
                // a folder named on the command line that is neither on disk nor tracked: a typo, most likely
                throw new InputException(target, 0, Sources.NO_SUCH_FOLDER);
            }
            return finish(ctx, target, report);
        }
    }

    /** {@code --since}: the items finished and the due dates moved since a day or a commit, from the history. */
    private pm.stats.Since changesSince(TrackedFiles git, Path target, Names names, Config config)
            throws InputException {
        pm.parse.Dates.Result<LocalDate> day = pm.parse.Dates.date(since);
        java.time.Instant from = day.ok() ? day.value().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : pm.git.FileHistory.commitTime(git, since);
        if (from == null) {
            throw new InputException("--since '" + since + "' is neither a day (YYYY-MM-DD) nor a commit of this "
                    + "repository (see git log)");
        }
        Path base = git.workTree() != null ? git.workTree() : git.gitDir();
        String prefix = "";
        if (git.workTree() != null) {
            try {
                Path root = git.workTree().toRealPath();
                Path real = target.toRealPath();
                prefix = real.startsWith(root) ? root.relativize(real).toString().replace('\\', '/') : "";
            } catch (java.io.IOException e) {
                prefix = "";
            }
        }
        pm.stats.History history = pm.stats.History.read(git, rev, prefix, new PostmortemParser(config.schema()));
        if (history.missing() != null) {
            throw new InputException("--since needs the git history, and there is none: " + history.missing());
        }
        return pm.stats.Since.of(history, from, since, path -> names.of(base.resolve(path)));
    }

    /** The JSON report as {@code rows}, with the {@code --since} sections beside it. */
    private void writeJsonWithChanges(OverdueReport report, PrintWriter out) {
        java.io.StringWriter rows = new java.io.StringWriter();
        format.write(report, new PrintWriter(rows), false);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("rows");
            g.writeTree(mapper.readTree(rows.toString()));
            changes.writeJson(g);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }

    /** The owners that name nobody: {@code lint.owner_placeholders}, shared with pm lint. */
    private static List<String> ownerPlaceholders(Config config) throws InputException {
        YamlNode.Mapping lint = config.section("lint");
        return lint == null ? Owners.DEFAULT_PLACEHOLDERS
                : Config.strings(config.file(), lint, "owner_placeholders", Owners.DEFAULT_PLACEHOLDERS);
    }

    private int finish(Context ctx, Path target, OverdueReport report) {
        for (Skipped s : report.skipped()) {
            ctx.err().println("pm: " + Visible.of(s.oneLine()) + " (skipped)");
        }
        for (Skipped s : report.undated()) {
            ctx.err().println("pm: " + Visible.of(s.oneLine()));
        }
        if (report.read() == 0 && report.skipped().isEmpty()) {
            String where = Visible.of(ctx.names().of(target));
            ctx.err().println("pm: no postmortems found under " + where + (noGit ? "" : rev != null
                    ? " at " + Visible.of(rev)
                    : ": git tracks no *.md files there (git add them, or use --include-untracked)"));
        }
        ctx.err().flush();
        // one buffer for the whole report: the terminal writer flushes at every line, which costs a system call
        // per row of a 10,000-postmortem report
        PrintWriter out = new PrintWriter(new BufferedWriter(ctx.out(), 1 << 16), false);
        if (changes != null && format == OverdueFormat.JSON) {
            writeJsonWithChanges(report, out);
        } else {
            format.write(report, out, csvRaw);
            if (changes != null) {
                changes.writeText(out, format == OverdueFormat.MARKDOWN);
            }
        }
        out.flush();
        if (format == OverdueFormat.JSON || format == OverdueFormat.CSV) {
            ctx.err().println("pm overdue: read " + report.read() + ", skipped " + report.skipped().size() + ", "
                    + report.tally().overdue() + " overdue");
            ctx.err().flush();
        }
        if (failOnOverdue && !report.skipped().isEmpty()) {
            // a gate must not pass what it could not read: the late items may be in those files
            int n = report.skipped().size();
            ctx.err().println("pm overdue: --fail-on-overdue fails: " + n + (n == 1 ? " file" : " files")
                    + " could not be read (" + (n == 1 ? "named" : "listed") + " above); fix "
                    + (n == 1 ? "it" : "them") + " so the gate sees every follow-up");
            ctx.err().flush();
            return ExitStatus.USAGE;
        }
        return failOnOverdue && report.items().stream().anyMatch(OverdueItem::overdue) ? ExitStatus.FINDINGS : 0;
    }
}
