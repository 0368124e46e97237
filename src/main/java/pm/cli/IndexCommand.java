package pm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import pm.config.Config;
import pm.git.TrackedFiles;
import pm.index.Entries;
import pm.index.IndexFile;
import pm.index.IndexSettings;
import pm.index.Table;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.model.Owners;
import pm.overdue.OverdueCollector;
import pm.overdue.OverdueFilter;
import pm.parse.PostmortemParser;
import pm.report.Visible;
import pm.source.Listing;
import pm.source.Names;
import pm.source.Sources;

/** {@code pm index [DIR]}: the Markdown index of the postmortems, between two markers of a file the team owns. */
@Command(name = "index",
        description = {"Write a Markdown index of the postmortems: one table, newest first (date, title linked, "
                + "severity, services, status, action items done, overdue count) and a line of totals.",
                "Only the part between its two marker comments (pm-index:start and pm-index:end) is rewritten; "
                + "the first run adds them at the end of the file (or creates it). Reads the *.md files git tracks under "
                + "DIR, as pm overdue does; a file that cannot be read is named here and listed as unreadable.",
                "Overdue counts are as of today (UTC) or --as-of, the day the totals line names; --check leaves "
                + "them out, so CI does not fail the morning an item becomes late."},
        footer = {"", "Exit status: 0 written or up to date; 1 with --check, the index is out of date; 2 usage or "
                + "input error (e.g. the markers twice).",
                "", "Examples:", "  pm index                # writes postmortems/README.md (or index.file)",
                "  pm index --check        # CI, pre-commit: exit 1 when out of date",
                "  pm index --out docs/incidents.md"})
public final class IndexCommand implements Callable<Integer> {
    /** How many changed lines --check prints at most. */
    static final int DIFF_LINES = 40;

    @ParentCommand
    PmCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of postmortems (default: "
            + "postmortems_dir from .pm.yml, else postmortems/ at the repository root).")
    String dir;

    @Option(names = "--out", paramLabel = "FILE", description = "The index file (default: README.md in DIR when DIR "
            + "is given, else index.file from .pm.yml, else README.md in postmortems_dir).")
    String out;

    @Option(names = "--check", description = "Write nothing: exit 1 and print what would change when the index is "
            + "out of date (overdue counts left out), 0 when it is up to date.")
    boolean check;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Count "
            + "overdue items as of this day (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--rev", paramLabel = "REV", description = "Index the postmortems as committed at REV (e.g. "
            + "origin/main); the index file is still the one on disk.")
    String rev;

    @Option(names = "--no-git", description = "Index DIR as it is on disk, without asking git which files count.")
    boolean noGit;

    @Mixin
    StandardOptions standard;

    @Override
    public Integer call() throws InputException {
        return run(parent.context());
    }

    int run(Context ctx) throws InputException {
        if (noGit && rev != null) {
            throw new InputException("--no-git cannot be combined with --rev; --rev reads git");
        }
        if (rev != null && rev.isBlank()) {
            throw new InputException("--rev is empty; name a branch, tag or commit, e.g. --rev origin/main");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx.clock());
        Settings all = Settings.load(ctx.cwd());
        Config config = all.config();
        Path target = dir != null ? ctx.resolve(dir) : config.postmortemsDir();
        Path file = out != null ? ctx.resolve(out) : dir != null ? target.resolve(IndexSettings.DEFAULT_NAME)
                : IndexSettings.from(config).file();
        Names names = ctx.names();
        IndexFile index = IndexFile.read(file); // the markers checked before anything is read

        OverdueCollector collector = new OverdueCollector(new PostmortemParser(config.schema()), all.overdue(), day,
                OverdueFilter.NONE, Owners.placeholders(ownerPlaceholders(config)), all.policies());
        Entries entries = new Entries(new PostmortemParser(config.schema()), collector, file);
        Entries.Result result;
        if (noGit) {
            result = entries.read(Sources.scan(target, config.root(), names), names);
        } else {
            try (TrackedFiles git = TrackedFiles.find(target)) {
                if (git == null) {
                    throw new InputException(target, 0, "not inside a git repository; run pm index in the "
                            + "repository that holds the postmortems, or add --no-git to index the folder as it is");
                }
                try (Listing listing = rev != null ? Sources.atRevision(git, target, rev, names)
                        : Sources.tracked(git, target, false, names)) {
                    result = entries.read(listing, names);
                }
                if (rev == null && result.entries().isEmpty() && !Files.exists(target)) {
                    throw new InputException(target, 0, dir != null ? "no such folder; name the folder of "
                            + "postmortems (pm index DIR)" : "no such folder: it is postmortems_dir (default "
                            + "'postmortems'); run pm init, set postmortems_dir in .pm.yml, or name the folder (pm "
                            + "index DIR)");
                }
            }
        }
        for (String p : result.problems()) {
            ctx.err().println("pm: " + Visible.of(p) + " (listed as unreadable in the index)");
        }
        List<String> block = Table.lines(result.entries(), day);
        String where = Visible.of(names.of(file));
        return check ? check(ctx, index, block, where) : write(ctx, index, block, where, result);
    }

    private int check(Context ctx, IndexFile index, List<String> block, String where) {
        if (!index.hasBlock()) {
            ctx.out().println("pm index: " + where + (index.exists() ? " has no index yet (no pm-index markers)"
                    : " does not exist") + "; run pm index and commit it");
            ctx.out().flush();
            return ExitStatus.FINDINGS;
        }
        List<String> old = index.blockLines();
        List<String> changes = IndexFile.diff(old, block, DIFF_LINES);
        if (changes.isEmpty()) {
            ctx.err().println("pm index: " + where + " is up to date" + (old.equals(block) ? ""
                    : " (its overdue counts are older; pm index refreshes them)"));
            ctx.err().flush();
            return ExitStatus.OK;
        }
        ctx.out().println("pm index: " + where + " is out of date; run pm index and commit it");
        ctx.out().println("--- " + where);
        ctx.out().println("+++ " + where + " (pm index)");
        for (String line : changes) {
            ctx.out().println(Visible.of(line));
        }
        ctx.out().flush();
        return ExitStatus.FINDINGS;
    }

    private int write(Context ctx, IndexFile index, List<String> block, String where, Entries.Result result)
            throws InputException {
        byte[] now = index.with(block);
        boolean same = index.exists() && Arrays.equals(now, index.bytes());
        if (!same) {
            Path parentDir = index.path().toAbsolutePath().getParent();
            if (parentDir != null && !Files.isDirectory(parentDir)) {
                AtomicFiles.createDirectories(parentDir);
            }
            AtomicFiles.replace(AtomicFiles.linkTarget(index.path()), now);
        }
        int n = result.entries().size() - result.problems().size();
        ctx.err().println("pm index: " + where + (same ? " is up to date" : index.exists() ? " updated"
                : " written") + " (" + n + (n == 1 ? " postmortem" : " postmortems") + ")");
        ctx.err().flush();
        return ExitStatus.OK;
    }

    /** The owners that name nobody: {@code lint.owner_placeholders}, shared with pm lint and pm overdue. */
    private static List<String> ownerPlaceholders(Config config) throws InputException {
        pm.yaml.YamlNode.Mapping lint = config.section("lint");
        return lint == null ? Owners.DEFAULT_PLACEHOLDERS
                : Config.strings(config.file(), lint, "owner_placeholders", Owners.DEFAULT_PLACEHOLDERS);
    }
}
