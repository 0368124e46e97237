package pm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import pm.action.Actions;
import pm.config.Config;
import pm.io.InputException;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.overdue.Kind;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueItem;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.report.Visible;
import pm.source.Sources;

/**
 * {@code pm action list|done|start|reopen|set|add|cancel}: follow up action items without editing YAML by hand. The
 * work is done by {@link Actions}; each verb here is its options and a call.
 */
@Command(name = "action",
        description = {"Follow up action items without editing YAML: list them, mark them done, re-plan, reassign, "
                + "add or cancel one.",
                "Each edit changes the front matter and the Action items table together; every other byte of the "
                + "file stays as it was.",
                "ITEM is FILE#N (the Nth item of FILE's action_items), FILE#id (the item with that 'id:'), or a piece "
                + "of its title that no other item's title holds."},
        footer = {"", "Exit status: 0 done; 2 usage or input error (an unknown or ambiguous ITEM, a file pm cannot "
                + "edit safely).", "", "Examples:", "  pm action list --owner @maria",
                "  pm action done postmortems/2025-03-14-disk-full.md#1", "  pm action start 'disk alert'",
                "  pm action set 'disk alert' --due 2025-05-02 --owner @lee",
                "  pm action add postmortems/2025-03-14-disk-full.md 'Page on WAL growth' --owner @sam --priority P2",
                "  pm action cancel 'disk alert' --reason 'Superseded by the storage migration'"},
        subcommands = {ActionCommand.ListItems.class, ActionCommand.Done.class, ActionCommand.Start.class,
                ActionCommand.Reopen.class, ActionCommand.Set.class, ActionCommand.Add.class,
                ActionCommand.Cancel.class})
public final class ActionCommand implements Runnable {
    @ParentCommand
    PmCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    StandardOptions standard;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: pm action list, done, start, "
                + "reopen, set, add or cancel");
    }

    /** {@code pm action list [DIR]}. */
    @Command(name = "list", description = {"List every action item with its postmortem, unfinished ones first "
            + "(soonest due first).", "Items written only in the body are listed too, marked 'body only'."},
            footer = {"", "Examples:", "  pm action list", "  pm action list --owner @maria --status open",
                    "  pm action list postmortems/2025 --service payments-api"})
    static final class ListItems implements Callable<Integer> {
        @ParentCommand
        ActionCommand action;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of postmortems (default: "
                + "postmortems_dir from .pm.yml, else postmortems/).")
        String dir;

        @Mixin
        ItemFilterOptions filters;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only items with this status: open, "
                + "in-progress, done or wont-do (repeatable; an item without a status is open).")
        List<String> statuses = new ArrayList<>();

        @Mixin
        StandardOptions standard;

        @Override
        public Integer call() throws InputException {
            Context ctx = action.parent.context();
            Settings all = Settings.load(ctx.cwd());
            Config config = all.config();
            List<String> wanted = new ArrayList<>();
            for (String s : statuses) {
                wanted.add(ActionStatus.parse(s).map(ActionStatus::id).orElseThrow(() -> new InputException(
                        "--status '" + s + "' is not one of open, in-progress, done, wont-do")));
            }
            OverdueFilter filter = filters.filter(config, null);
            Path target = dir != null ? ctx.resolve(dir) : config.postmortemsDir();
            PostmortemParser parser = new PostmortemParser(config.schema());
            List<InputException> unreadable = new ArrayList<>();
            List<Actions.Found> found = Actions.all(parser, Sources.scan(target, config.root(), ctx.names()),
                    unreadable);
            List<Actions.Found> kept = new ArrayList<>();
            for (Actions.Found f : found) {
                String status = status(f.item());
                if ((wanted.isEmpty() || wanted.contains(status)) && filter.keeps(row(f))) {
                    kept.add(f);
                }
            }
            kept.sort(ORDER);
            for (InputException e : unreadable) {
                ctx.err().println("pm: " + Visible.of(e.oneLine(ctx.names())) + " (skipped)");
            }
            ctx.err().flush();
            print(ctx.out(), kept);
            return 0;
        }
    }

    /** The status an item counts as: its own, or open when it has none (or one pm does not know). */
    static String status(ActionItem item) {
        return item.status() == null ? ActionStatus.OPEN.id()
                : ActionStatus.parse(item.status()).map(ActionStatus::id).orElse(item.status());
    }

    /** An item as a row of the overdue report, so that pm overdue's filters choose it the same way. */
    private static OverdueItem row(Actions.Found f) {
        ActionItem a = f.item();
        String owner = a.hasOwner() ? a.owner().strip() : null;
        var fm = f.pm().frontMatter();
        return new OverdueItem(Kind.ACTION_ITEM, f.file(), a.span().line(), fm.title(), a.title(), owner,
                owner == null ? List.of() : List.of(owner), a.due(), a.priority(), a.status(), null, null,
                fm.severity(), fm.services());
    }

    /** Unfinished first, soonest due first (none last), then by file and position. */
    private static final Comparator<Actions.Found> ORDER = Comparator
            .comparing((Actions.Found f) -> f.item().finished())
            .thenComparing(f -> f.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Actions.Found::file)
            .thenComparingInt(f -> f.index() < 0 ? Integer.MAX_VALUE : f.index());

    private static void print(PrintWriter out, List<Actions.Found> items) {
        if (items.isEmpty()) {
            out.println("No action items.");
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ITEM", "STATUS", "DUE", "PRIORITY", "OWNER", "TITLE"});
        int open = 0;
        for (Actions.Found f : items) {
            ActionItem a = f.item();
            if (!a.finished()) {
                open++;
            }
            String title = a.title() == null ? "(no title)" : a.title().strip();
            if (!f.inFrontMatter()) {
                var fm = f.pm().frontMatter();
                title += "  [body only, line " + a.span().line() + (fm.present() && fm.readable()
                        ? ": not in the front matter; pm lint --fix adds it]"
                        : ": the file has no front matter pm can read; add one (pm new writes an example)]");
            }
            rows.add(new String[] {f.ref(), status(a), a.dueText() == null ? "-" : a.dueText().strip(),
                    a.hasPriority() ? a.priority() : "-", a.hasOwner() ? a.owner().strip() : "-", title});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], Visible.of(r[i]).length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String c = Visible.of(r[i]);
                sb.append(c);
                if (i < width.length) {
                    sb.append(" ".repeat(width[i] - c.length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println(items.size() + (items.size() == 1 ? " action item, " : " action items, ") + open + " unfinished");
        out.flush();
    }

    /** What every editing verb shares: ITEM, --dry-run, and the edit itself. */
    abstract static class Edit implements Callable<Integer> {
        @ParentCommand
        ActionCommand action;

        @Option(names = "--dry-run", description = "Show the change without writing it.")
        boolean dryRun;

        @Mixin
        StandardOptions standard;

        abstract String ref();

        abstract Actions.Change change() throws InputException;

        @Override
        public Integer call() throws InputException {
            try {
                return edit();
            } catch (Unchecked u) {
                throw u.cause;
            } catch (Actions.Ambiguous a) {
                Context ctx = action.parent.context();
                ctx.err().println("pm: " + Visible.of(a.getMessage()));
                for (Actions.Found f : a.matches()) {
                    ctx.err().println("  " + Visible.of(f.ref() + "  " + f.item().title().strip()));
                }
                ctx.err().flush();
                return ExitStatus.USAGE;
            }
        }

        private int edit() throws InputException {
            Context ctx = action.parent.context();
            Settings all = Settings.load(ctx.cwd());
            Config config = all.config();
            PostmortemParser parser = new PostmortemParser(config.schema());
            Actions.Change change = change();
            Actions.Found f = Actions.find(ref(), ctx::resolve, Actions.reader(parser, ctx.names()), () -> {
                try {
                    return Actions.all(parser, Sources.scan(config.postmortemsDir(), config.root(), ctx.names()),
                            new ArrayList<>());
                } catch (InputException e) {
                    throw new Unchecked(e);
                }
            });
            if (!f.inFrontMatter()) {
                throw new InputException(f.path(), f.item().span().line(), "action item '" + f.item().title().strip()
                        + "' is only in the body; run 'pm lint --fix " + f.file() + "' to add it to the front matter, "
                        + "then run this again");
            }
            Actions.Outcome o = Actions.edit(parser, ctx.names(), f.path(), f.index(), f.item().key(), change, dryRun);
            report(ctx, f.ref() + " '" + f.item().title().strip() + "': " + o.line(), o);
            return 0;
        }

        void report(Context ctx, String line, Actions.Outcome o) {
            ctx.out().println(Visible.of(line) + (dryRun ? "  (dry run: nothing written)" : ""));
            ctx.out().flush();
            if (o.tableNote() != null) {
                ctx.err().println("pm: " + Visible.of(o.tableNote()));
                ctx.err().flush();
            }
        }
    }

    /** An {@link InputException} carried out of a supplier. */
    static final class Unchecked extends RuntimeException {
        final InputException cause;

        Unchecked(InputException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Sets the status (and nothing else). */
    abstract static class StatusEdit extends Edit {
        @Parameters(index = "0", paramLabel = "ITEM", description = "FILE#N, FILE#id, or a piece of the title.")
        String item;

        abstract ActionStatus to();

        @Override
        String ref() {
            return item;
        }

        @Override
        Actions.Change change() {
            return (ed, a, index) -> {
                String was = a.status() == null ? "(none)" : a.status();
                ed.set(index, "status", to().id());
                return "status " + was + " → " + to().id();
            };
        }
    }

    @Command(name = "done", description = "Mark an item done.", footer = {"", "Example:",
            "  pm action done postmortems/2025-03-14-disk-full.md#1"})
    static final class Done extends StatusEdit {
        @Override
        ActionStatus to() {
            return ActionStatus.DONE;
        }
    }

    @Command(name = "start", description = "Mark an item in-progress.", footer = {"", "Example:",
            "  pm action start 'disk alert'"})
    static final class Start extends StatusEdit {
        @Override
        ActionStatus to() {
            return ActionStatus.IN_PROGRESS;
        }
    }

    @Command(name = "reopen", description = "Mark an item open again.", footer = {"", "Example:",
            "  pm action reopen 'disk alert'"})
    static final class Reopen extends StatusEdit {
        @Override
        ActionStatus to() {
            return ActionStatus.OPEN;
        }
    }

    @Command(name = "set", description = {"Change an item's owner, due date, priority or link.",
            "A new due date keeps the first one as first_due, so slips stay visible."},
            footer = {"", "Examples:", "  pm action set 'disk alert' --due 2025-05-02",
                    "  pm action set postmortems/2025-03-14-disk-full.md#2 --owner @lee --priority P1"})
    static final class Set extends Edit {
        @Parameters(index = "0", paramLabel = "ITEM", description = "FILE#N, FILE#id, or a piece of the title.")
        String item;

        @Option(names = "--owner", paramLabel = "NAME", description = "The one person who drives it, e.g. @lee.")
        String owner;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "The new "
                + "due date.")
        LocalDate due;

        @Option(names = "--priority", paramLabel = "P", description = "P0, P1, P2 or P3.")
        String priority;

        @Option(names = "--link", paramLabel = "URL", description = "The ticket or pull request that tracks it.")
        String link;

        @Override
        String ref() {
            return item;
        }

        @Override
        Actions.Change change() throws InputException {
            if (owner == null && due == null && priority == null && link == null) {
                throw new InputException("nothing to set: give --owner, --due, --priority or --link");
            }
            String p = priority == null ? null : Schema.priority(priority).orElseThrow(() -> new InputException(
                    "--priority '" + priority + "' is not one of " + String.join(", ", Schema.PRIORITIES)));
            if (owner != null && owner.isBlank()) {
                throw new InputException("--owner is empty; name the one person who drives it, e.g. --owner @lee");
            }
            return (ed, a, index) -> {
                List<String> said = new ArrayList<>();
                if (owner != null) {
                    ed.set(index, "owner", owner.strip());
                    said.add("owner " + shown(a.owner()) + " → " + owner.strip());
                }
                if (due != null) {
                    String was = a.dueText() == null ? null : a.dueText().strip();
                    ed.set(index, "due", due.toString());
                    String first = a.writtenText(ActionItem.Field.FIRST_DUE);
                    String kept = "";
                    if (was != null && first == null && !was.equals(due.toString())) {
                        ed.set(index, "first_due", was);
                        kept = " (first_due " + was + " kept)";
                    }
                    said.add("due " + shown(was) + " → " + due + kept);
                }
                if (p != null) {
                    ed.set(index, "priority", p);
                    said.add("priority " + shown(a.priority()) + " → " + p);
                }
                if (link != null) {
                    ed.set(index, "link", link.strip());
                    said.add("link " + shown(a.link()) + " → " + link.strip());
                }
                return String.join(", ", said);
            };
        }
    }

    private static String shown(String v) {
        return v == null || v.isBlank() ? "(none)" : v.strip();
    }

    @Command(name = "cancel", description = "Mark an item wont-do, with the reason why.", footer = {"", "Example:",
            "  pm action cancel 'disk alert' --reason 'Superseded by the storage migration'"})
    static final class Cancel extends Edit {
        @Parameters(index = "0", paramLabel = "ITEM", description = "FILE#N, FILE#id, or a piece of the title.")
        String item;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it will not be done "
                + "(kept as the item's reason:).")
        String reason;

        @Override
        String ref() {
            return item;
        }

        @Override
        Actions.Change change() throws InputException {
            if (reason.isBlank()) {
                throw new InputException("--reason is empty; say in a few words why it will not be done");
            }
            return (ed, a, index) -> {
                ed.set(index, "status", ActionStatus.WONT_DO.id());
                ed.set(index, "reason", reason.strip());
                return "status " + shown(a.status()) + " → wont-do, reason: " + reason.strip();
            };
        }
    }

    @Command(name = "add", description = "Add an action item to a postmortem (and to its Action items table).",
            footer = {"", "Example:", "  pm action add postmortems/2025-03-14-disk-full.md 'Page on WAL growth' "
                    + "--owner @sam --due 2025-04-30 --priority P2"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ActionCommand action;

        @Parameters(index = "0", paramLabel = "FILE", description = "The postmortem.")
        String file;

        @Parameters(index = "1", paramLabel = "TITLE", description = "What will change, in a sentence.")
        String title;

        @Option(names = "--owner", paramLabel = "NAME", description = "The one person who drives it, e.g. @lee.")
        String owner;

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "When it "
                + "is due.")
        LocalDate due;

        @Option(names = "--priority", paramLabel = "P", description = "P0, P1, P2 or P3.")
        String priority;

        @Option(names = "--dry-run", description = "Show the change without writing it.")
        boolean dryRun;

        @Mixin
        StandardOptions standard;

        @Override
        public Integer call() throws InputException {
            Context ctx = action.parent.context();
            Settings all = Settings.load(ctx.cwd());
            PostmortemParser parser = new PostmortemParser(all.config().schema());
            if (title.isBlank()) {
                throw new InputException("TITLE is empty; say what will change, e.g. 'Page on WAL growth'");
            }
            String p = priority == null ? null : Schema.priority(priority).orElseThrow(() -> new InputException(
                    "--priority '" + priority + "' is not one of " + String.join(", ", Schema.PRIORITIES)));
            Path path = ctx.resolve(file);
            Actions.Parsed before = Actions.reader(parser, ctx.names()).read(path);
            String key = ActionItem.keyOf(title);
            for (ActionItem a : before.pm().frontMatter().actionItems()) {
                if (a.key().equals(key)) {
                    throw new InputException(path, a.span().line(), "already has the action item '"
                            + a.title().strip() + "'; change it with pm action set");
                }
            }
            var fields = Actions.newItem(title, owner, due == null ? null : due.toString(), p);
            Actions.Outcome o = Actions.edit(parser, ctx.names(), path, -1, null, (ed, a, index) -> {
                ed.append(fields);
                return "+ '" + title.strip() + "'" + (fields.size() > 1 ? " (" + String.join(", ",
                        fields.entrySet().stream().skip(1).map(e -> e.getKey() + " " + e.getValue()).toList()) + ")"
                        : "");
            }, dryRun);
            int n = before.pm().frontMatter().actionItems().size() + 1;
            ctx.out().println(Visible.of(before.name() + "#" + n + " " + o.line())
                    + (dryRun ? "  (dry run: nothing written)" : ""));
            ctx.out().flush();
            if (o.tableNote() != null) {
                ctx.err().println("pm: " + Visible.of(o.tableNote()));
                ctx.err().flush();
            }
            return 0;
        }
    }
}
