package pm.overdue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pm.io.InputException;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.FrontMatter;
import pm.model.Owners;
import pm.model.Problem;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.policy.Deadline;
import pm.policy.Policies;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;
import pm.source.ReadAhead;

/**
 * Reads the front matter of each postmortem (and its body only when its lines may hold action items the front matter
 * lacks: {@link PostmortemParser#bodyMayHoldActionItems}) and collects what is late as of a day:
 * action items past due, unfinished ones without a due date past their follow-up policy's deadline, P0/P1 items
 * still open after their policy's start deadline, unfinished ones without a due date or an owner, and postmortems
 * behind their lifecycle deadlines. One unreadable file is recorded as skipped; the others are still reported.
 */
public final class OverdueCollector {
    /** The order of rows: overdue and due-soon first (most overdue first), then no-owner, then no-due-date. */
    public static final Comparator<OverdueItem> ORDER = OverdueCollector::compare;

    /** {@link #ORDER}, written out: a chain of comparators costs ten times as much on 40,000 rows. */
    private static int compare(OverdueItem a, OverdueItem b) {
        int c = Integer.compare(group(a), group(b));
        if (c == 0) {
            c = Long.compare(b.lateness(), a.lateness()); // most overdue first
        }
        if (c == 0) {
            c = a.file().compareTo(b.file());
        }
        return c != 0 ? c : Integer.compare(a.line(), b.line());
    }

    private static int group(OverdueItem i) {
        return i.kind() == Kind.NO_OWNER ? 1 : i.kind() == Kind.NO_DUE_DATE ? 2 : 0;
    }

    private final PostmortemParser parser;
    private final OverdueSettings settings;
    private final LocalDate asOf;
    private final OverdueFilter filter;
    private final java.util.function.Predicate<String> namesNobody;
    private final Policies policies;

    /** A collector with the default owner placeholders and the default follow-up policies. */
    public OverdueCollector(PostmortemParser parser, OverdueSettings settings, LocalDate asOf, OverdueFilter filter) {
        this(parser, settings, asOf, filter, Owners::isPlaceholder);
    }

    /** @param namesNobody which owners count as none (see {@link Owners#placeholders}) */
    public OverdueCollector(PostmortemParser parser, OverdueSettings settings, LocalDate asOf, OverdueFilter filter,
            java.util.function.Predicate<String> namesNobody) {
        this(parser, settings, asOf, filter, namesNobody, Policies.DEFAULTS);
    }

    /** @param policies the follow-up policies ({@code policies:} in .pm.yml), which the lint rule reads too */
    public OverdueCollector(PostmortemParser parser, OverdueSettings settings, LocalDate asOf, OverdueFilter filter,
            java.util.function.Predicate<String> namesNobody, Policies policies) {
        this.parser = parser;
        this.settings = settings;
        this.asOf = asOf;
        this.filter = filter;
        this.namesNobody = namesNobody;
        this.policies = policies;
    }

    /** What one file gave: its rows, or why it was skipped, and whether it could not be aged. */
    private record Outcome(List<OverdueItem> items, Skipped skipped, Skipped undated) {
    }

    /**
     * Reads every input of a listing (in parallel: the parser is shared and keeps no state) and builds the
     * report; what the listing could not offer is skipped.
     */
    public OverdueReport collect(Listing listing, Names names) {
        return collect(listing, names, null);
    }

    /**
     * {@link #collect(Listing, Names)}, taking what {@code ahead} (started by {@link #readAhead}) has already
     * read: an input shown under the same name as a file read ahead is not read again (the read-ahead read it
     * just as the input would).
     */
    public OverdueReport collect(Listing listing, Names names, ReadAhead<?> ahead) {
        @SuppressWarnings("unchecked") // made by readAhead, which only makes these
        Map<String, Outcome> ready = ahead == null ? Map.of() : (Map<String, Outcome>) ahead.finish();
        List<Input> inputs = listing.inputs();
        List<Outcome> outcomes = (inputs.size() > 64 ? inputs.parallelStream() : inputs.stream())
                .map(in -> {
                    Outcome o = ready.get(in.name());
                    return o != null ? o : examine(in);
                }).toList();
        List<OverdueItem> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (InputException e : listing.problems()) {
            skipped.add(new Skipped(names.of(e.file()), e.line(), e.getMessage()));
        }
        List<Skipped> undated = new ArrayList<>();
        int read = 0;
        for (Outcome o : outcomes) {
            if (o.skipped() != null) {
                skipped.add(o.skipped());
                continue;
            }
            read++;
            items.addAll(o.items());
            if (o.undated() != null) {
                undated.add(o.undated());
            }
        }
        items.sort(ORDER);
        skipped.sort(Comparator.comparing(Skipped::file));
        return new OverdueReport(asOf, filter.dueWithin(), items, read, skipped, undated,
                filter.firstNameNotes(items));
    }

    private Outcome examine(Input input) {
        SourceText source;
        try {
            source = input.read();
        } catch (InputException e) {
            return new Outcome(List.of(), new Skipped(input.name(), e.line(), e.getMessage()), null);
        }
        return examine(input.name(), source);
    }

    private Outcome examine(String file, SourceText source) {
        return examine(file, source, parser.frontMatter(source));
    }

    /**
     * The rows of one postmortem already read, its front matter parsed ({@code pm index} counts its overdue
     * ones): none when the front matter is missing or cannot be read.
     */
    public List<OverdueItem> rows(String file, SourceText source, FrontMatter fm) {
        return examine(file, source, fm).items();
    }

    private Outcome examine(String file, SourceText source, FrontMatter fm) {
        if (!fm.present() || !fm.readable()) {
            Problem p = fm.problems().isEmpty() ? Problem.at(1, 1, "front matter cannot be read")
                    : fm.problems().get(0);
            return new Outcome(List.of(), new Skipped(file, p.line(), p.message()), null);
        }
        return new PostmortemRows(file, fm, bodyOnly(file, source, fm)).build();
    }

    /**
     * The action items only the body has (table rows and list items with no front-matter twin by title or id), which
     * pm lint sees and so pm overdue must too. The body is parsed only when its lines may hold any
     * ({@link PostmortemParser#bodyMayHoldActionItems}); a body that cannot be parsed gives none (pm lint says why).
     */
    private List<ActionItem> bodyOnly(String file, SourceText source, FrontMatter fm) {
        if (!parser.bodyMayHoldActionItems(source, fm)) {
            return List.of();
        }
        pm.model.Postmortem pm;
        try {
            pm = parser.parse(Path.of(file), source);
        } catch (pm.parse.UnreadableBody | java.nio.file.InvalidPathException e) {
            return List.of();
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (ActionItem a : fm.actionItems()) {
            keys.add(a.key());
            if (a.id() != null) {
                keys.add(ActionItem.keyOf(a.id()));
            }
        }
        List<ActionItem> out = new ArrayList<>();
        for (ActionItem b : pm.bodyActionItems()) {
            if (!b.key().isEmpty() && keys.add(b.key())) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * Starts reading and examining the postmortems on disk under {@code dir} on another thread ({@link ReadAhead}),
     * while the caller works out from git which files to report; hand it to {@link #collect(Listing, Names,
     * ReadAhead)}.
     */
    public ReadAhead<?> readAhead(Path dir, Names names) {
        return ReadAhead.start(dir, names, this::examine);
    }

    /** The rows of one postmortem. */
    private final class PostmortemRows {
        private final String file;
        private final FrontMatter fm;
        private final String name;
        private final List<OverdueItem> rows = new ArrayList<>();
        private final List<ActionItem> bodyOnly;

        PostmortemRows(String file, FrontMatter fm, List<ActionItem> bodyOnly) {
            this.file = file;
            this.fm = fm;
            this.bodyOnly = bodyOnly;
            String base = Path.of(file).getFileName().toString();
            this.name = fm.title() != null ? fm.title() : base.endsWith(".md") ? base.substring(0, base.length() - 3)
                    : base;
        }

        Outcome build() {
            int open = 0;
            for (ActionItem item : fm.actionItems()) {
                if (!finished(item)) {
                    open++;
                    actionItem(item);
                }
            }
            for (ActionItem item : bodyOnly) {
                if (!finished(item)) {
                    open++;
                    actionItem(item);
                }
            }
            Skipped undated = null;
            if (fm.date() == null) {
                if (open > 0 || !Schema.reached(fm.status(), Schema.PUBLISHED)) {
                    undated = new Skipped(file, fm.lineOf("date"), "no incident date, so its review, publish and "
                            + "follow-up deadlines cannot be checked; add 'date: YYYY-MM-DD'");
                }
            } else {
                lifecycle(open);
            }
            return new Outcome(rows.stream().filter(filter::keeps).toList(), null, undated);
        }

        private boolean finished(ActionItem item) {
            // the parser has already turned the status words into ids; an unknown word stays unfinished
            String status = item.status();
            return ActionStatus.DONE.id().equals(status) || ActionStatus.WONT_DO.id().equals(status);
        }

        /**
         * The row of one unfinished item, if it has one: at most one an item, the most pressing. Late (past its own
         * due date, or without one past its policy's), then not started past its policy's start deadline, then
         * without an owner, then (with --due-within) a policy deadline coming up, then without a due date, then
         * (with --due-within) its own due date coming up.
         */
        private void actionItem(ActionItem item) {
            boolean noOwner = namesNobody.test(item.owner());
            LocalDate due = item.due();
            Long days = due == null ? null : ChronoUnit.DAYS.between(due, asOf);
            Deadline policy = null;
            Kind kind;
            String note = null;
            if (days != null && days > 0) {
                kind = Kind.ACTION_ITEM;
            } else if ((policy = policies.on() ? policies.deadlineFor(item, fm) : null) != null && due == null
                    && asOf.isAfter(policy.due())) {
                kind = Kind.POLICY;
                due = policy.due();
                note = policyNote(item, policy);
            } else if (policy != null && policy.startBy() != null && notStarted(item) && asOf.isAfter(policy.startBy())) {
                kind = Kind.NOT_STARTED;
                due = policy.startBy();
                note = "not started (policy '" + policy.policy().name() + "'): start it or escalate";
            } else if (noOwner) {
                kind = Kind.NO_OWNER;
                note = item.hasOwner() ? "owner '" + item.owner().strip() + "' names nobody; name one person"
                        : "no owner; name one person";
            } else if (policy != null && due == null && soon(policy.due())) {
                kind = Kind.POLICY;
                due = policy.due();
                note = policyNote(item, policy);
            } else if (item.due() == null) {
                kind = Kind.NO_DUE_DATE;
                note = item.dueText() == null ? "no due date; agree one with " + item.owner().strip()
                        : "due " + item.dueProblem();
            } else if (filter.dueWithin() != null && -days <= filter.dueWithin()) {
                kind = Kind.ACTION_ITEM;
            } else {
                return;
            }
            if (kind == Kind.POLICY || kind == Kind.NOT_STARTED) {
                days = ChronoUnit.DAYS.between(due, asOf);
            } else {
                policy = null;
            }
            String title = item.title() == null || item.title().isBlank() ? "(action item without a title)"
                    : item.title().strip();
            if (item.origin() != ActionItem.Origin.FRONT_MATTER) {
                title += " [not in the front matter: " + item.origin().label() + ", line " + item.span().line()
                        + "; pm lint --fix adds it]";
            }
            String owner = noOwner ? null : filter.people().canonical(item.owner());
            rows.add(new OverdueItem(kind, file, item.span().line(), name, title, owner,
                    owner == null ? List.of() : List.of(owner), due, item.priority(), item.status(), days,
                    note, fm.severity(), fm.services(), policy == null ? null : policy.policy().name()));
        }

        /** Open, or no status at all: nothing says the item has started. */
        private boolean notStarted(ActionItem item) {
            return item.status() == null || ActionStatus.OPEN.id().equals(item.status());
        }

        /** Why a policy row is late; the owner group ("(no owner)") says when it has nobody. */
        private String policyNote(ActionItem item, Deadline policy) {
            return (item.dueText() == null ? "no due date" : "due '" + item.dueText().strip() + "' is not a date")
                    + " (policy '" + policy.policy().name() + "')";
        }

        /** The deadlines of the postmortem itself, counted from its incident date, as set for its severity. */
        private void lifecycle(int open) {
            // each deadline ends when its step is reached, in draft → in-review → reviewed → published; a missing or
            // unknown status is only reminded to publish
            String status = fm.status();
            boolean known = status != null;
            OverdueSettings own = settings.forSeverity(fm.severity());
            List<Step> steps = new ArrayList<>();
            if (known && !Schema.reached(status, Schema.IN_REVIEW)) {
                steps.add(new Step(own.draftDays(), "Still a draft after " + days(own.draftDays())
                        + bySeverity(own.draftDays(), settings.draftDays()) + ": send it for review and "
                        + write("status", Schema.IN_REVIEW)));
            }
            if (known && !Schema.reached(status, Schema.REVIEWED)) {
                steps.add(new Step(own.reviewDays(), "Not reviewed after " + days(own.reviewDays())
                        + bySeverity(own.reviewDays(), settings.reviewDays()) + ": hold the postmortem review, then "
                        + write("status", Schema.REVIEWED)));
            }
            if (!Schema.reached(status, Schema.PUBLISHED)) {
                steps.add(new Step(own.publishDays(), "Not published after " + days(own.publishDays())
                        + bySeverity(own.publishDays(), settings.publishDays()) + ": "
                        + write("status", Schema.PUBLISHED)));
            }
            // one reminder for where the postmortem stands: the earliest deadline it has missed (or, with
            // --due-within, the next one coming up)
            Comparator<Step> earliest = Comparator.comparingInt(Step::days);
            Optional<Step> missed = steps.stream().filter(s -> late(s.days())).min(earliest);
            (missed.isPresent() ? missed : steps.stream().filter(s -> soon(s.days())).min(earliest))
                    .ifPresent(s -> lifecycleRow(s, fm.lineOf("status")));
            if (open > 0 && fm.followUpReviewed() == null) {
                Step followUp = new Step(own.followUpDays(), own.followUpDays() + "-day follow-up review"
                        + bySeverity(own.followUpDays(), settings.followUpDays()) + ": " + open
                        + (open == 1 ? " item" : " items") + " open; then " + write("follow_up_reviewed", "YYYY-MM-DD"));
                if (late(followUp.days()) || soon(followUp.days())) {
                    lifecycleRow(followUp, fm.lineOf("action_items"));
                }
            }
        }

        /** " (SEV1)" when the postmortem's severity has a deadline of its own that differs from the others'. */
        private String bySeverity(int own, int everyone) {
            return own == everyone ? "" : " (" + fm.severity() + ")";
        }

        /**
         * What to write to reach the next step, and where: "set status: reviewed (line 5)" for a key the front matter
         * has (whatever its value), "add follow_up_reviewed: YYYY-MM-DD to the front matter (before line 12)" for one
         * it lacks, line 12 being the front matter's closing line.
         */
        private String write(String key, String value) {
            Optional<FrontMatter.Key> k = fm.key(key);
            return k.isPresent() ? "set " + key + ": " + value + " (line " + k.get().span().line() + ")"
                    : "add " + key + ": " + value + " to the front matter (before line " + fm.span().endLine() + ")";
        }

        private boolean late(int days) {
            return asOf.isAfter(fm.date().plusDays(days));
        }

        private boolean soon(int days) {
            return soon(fm.date().plusDays(days));
        }

        /** Due today or in the next --due-within days. */
        private boolean soon(LocalDate due) {
            return filter.dueWithin() != null && !asOf.isAfter(due)
                    && ChronoUnit.DAYS.between(asOf, due) <= filter.dueWithin();
        }

        private void lifecycleRow(Step step, int line) {
            LocalDate due = fm.date().plusDays(step.days());
            List<String> authors = fm.authors().stream().filter(a -> !namesNobody.test(a))
                    .map(filter.people()::canonical).distinct().toList();
            rows.add(new OverdueItem(Kind.LIFECYCLE, file, line, name,
                    step.text(),
                    authors.isEmpty() ? null : String.join(", ", authors), authors, due, null, fm.status(),
                    ChronoUnit.DAYS.between(due, asOf), null, fm.severity(), fm.services()));
        }
    }

    private record Step(int days, String text) {
    }

    private static String days(int n) {
        return n + (n == 1 ? " day" : " days");
    }
}
