package pm.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueSettings;

/**
 * The metrics over a set of incidents, per period and overall. Every number keeps the files (and commits) it was
 * counted from, for {@code --explain}. Groups are periods, severities, services and tags: never people.
 */
public final class Stats {
    /** One thing a number was counted from: a file's line, what it gave, and the commit when one did. */
    public record Evidence(String file, int line, String note, String commit) {
    }

    /** A median and 90th percentile (seconds, or days for days-to-done) of {@code n} values out of {@code of}. */
    public record Summary(Long median, Long p90, int n, int of) {
    }

    /** {@code met} of {@code of}. */
    public record Share(int met, int of) {
        public Integer percent() {
            return Metrics.percent(met, of);
        }
    }

    /**
     * Action items of the incidents of a period.
     *
     * @param onTime        done on or before their due date
     * @param onTimeOf      done with a due date and a known close date, plus open ones past due today
     * @param daysToDone    days from the incident to the close date of done items
     * @param overdueToday  open items past their due date today, as {@code pm overdue} lists them
     */
    public record FollowThrough(int created, int done, int wontDo, int open, Share onTime, Summary daysToDone,
            int overdueToday) {
    }

    /** The metrics of one period (or of all of them: "all"). */
    public record Period(String name, int incidents, Map<String, Integer> bySeverity, Map<String, Summary> durations,
            Map<String, Summary> lifecycle, Map<String, Share> deadlines, FollowThrough followThrough, int repeats,
            Map<String, List<Evidence>> evidence) {
    }

    /**
     * An incident on a service (or tag) that had another within the window before it.
     *
     * @param on            "service" or "tag"
     * @param earlierItems  the earlier postmortem's action items
     * @param earlierOpen   how many of them are still unfinished: 0 of several means the fix did not hold
     */
    public record Repeat(Incident later, Incident earlier, String on, String value, long days, int earlierItems,
            int earlierOpen) {
        public String verdict() {
            if (earlierItems == 0) {
                return "the earlier postmortem has no action items";
            }
            return earlierOpen == 0 ? "fix did not hold: all " + earlierItems + " earlier items done"
                    : "fix not yet made: " + earlierOpen + " of " + earlierItems + " earlier items open";
        }
    }

    /**
     * A new incident on a service that still has unfinished action items from earlier postmortems.
     *
     * @param earlier     the latest of them
     * @param open        their unfinished items, all together
     * @param postmortems how many earlier postmortems on the service have unfinished items
     */
    public record Risk(Incident incident, String service, Incident earlier, int open, int postmortems) {
    }

    /** The whole result. */
    public record Result(Metrics.By by, List<Period> periods, Period overall, List<Repeat> repeats, List<Risk> risks,
            int undated, String historyMissing, List<String> durations, List<String> severities, int read,
            int windowDays) {
    }

    public static final List<String> LIFECYCLE = List.of("first-commit", "in-review", "published");
    public static final List<String> DEADLINES = List.of("draft", "review", "publish", "follow-up");

    private final StatsSettings settings;
    private final OverdueSettings deadlines;
    private final LocalDate asOf;
    private final Map<String, List<OverdueItem>> overdueRows;
    private final List<String> severities;

    /**
     * @param overdueRows {@code pm overdue}'s rows as of {@code asOf}, by file
     * @param severities  the configured severities, in their order
     */
    public Stats(StatsSettings settings, OverdueSettings deadlines, LocalDate asOf,
            Map<String, List<OverdueItem>> overdueRows, List<String> severities) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.asOf = asOf;
        this.overdueRows = overdueRows;
        this.severities = severities;
    }

    /**
     * @param all      every postmortem read, which earlier incidents of a repeat are looked up in
     * @param selected those the filters keep, which are reported
     */
    public Result compute(List<Incident> all, List<Incident> selected, Metrics.By by, String historyMissing) {
        List<Incident> dated = selected.stream().filter(i -> i.day() != null)
                .sorted(Comparator.comparing(Incident::day).thenComparing(Incident::file)).toList();
        List<Repeat> repeats = repeats(all, dated, settings.repeatWindowDays());
        Map<String, List<Incident>> byPeriod = new LinkedHashMap<>();
        if (!dated.isEmpty()) {
            for (String p : by.periods(dated.get(0).day(), dated.get(dated.size() - 1).day())) {
                byPeriod.put(p, new ArrayList<>());
            }
        }
        for (Incident i : dated) {
            byPeriod.get(by.period(i.day())).add(i);
        }
        List<String> durations = new ArrayList<>();
        for (StatsSettings.Duration d : settings.durations()) {
            boolean shown = !settings.optional().contains(d.name())
                    || dated.stream().anyMatch(i -> i.times().containsKey(d.from()) && i.times().containsKey(d.to()));
            if (shown) {
                durations.add(d.name());
            }
        }
        Map<String, List<Repeat>> repeatsBy = new java.util.HashMap<>();
        for (Repeat r : repeats) {
            repeatsBy.computeIfAbsent(by.period(r.later().day()), k -> new ArrayList<>()).add(r);
        }
        List<Period> periods = new ArrayList<>();
        for (Map.Entry<String, List<Incident>> e : byPeriod.entrySet()) {
            periods.add(period(e.getKey(), e.getValue(), durations, repeatsBy.getOrDefault(e.getKey(), List.of())));
        }
        Period overall = period("all", dated, durations, repeats);
        return new Result(by, periods, overall, repeats, risks(all, dated), selected.size() - dated.size(),
                historyMissing, durations, severities, selected.size(), settings.repeatWindowDays());
    }

    private Period period(String name, List<Incident> incidents, List<String> durations, List<Repeat> repeats) {
        Map<String, List<Evidence>> ev = new LinkedHashMap<>();
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (String s : severities) {
            bySeverity.put(s, 0);
        }
        for (Incident i : incidents) {
            add(ev, "incidents", new Evidence(i.file(), i.line(), "incident on " + i.day(), null));
            String sev = i.fm().severity() == null ? "none" : i.fm().severity();
            bySeverity.merge(sev, 1, Integer::sum);
            add(ev, "severity:" + sev, new Evidence(i.file(), i.fm().lineOf("severity"), sev, null));
        }
        Map<String, Summary> durs = new LinkedHashMap<>();
        for (String d : durations) {
            StatsSettings.Duration dur = settings.durations().stream().filter(x -> x.name().equals(d)).findFirst()
                    .orElseThrow();
            durs.put(d, duration(dur, incidents, ev));
        }
        Map<String, Summary> lifecycle = new LinkedHashMap<>();
        for (String step : LIFECYCLE) {
            lifecycle.put(step, lifecycle(step, incidents, ev));
        }
        Map<String, Share> shares = new LinkedHashMap<>();
        for (String d : DEADLINES) {
            shares.put(d, deadline(d, incidents, ev));
        }
        for (Repeat r : repeats) {
            add(ev, "repeats", new Evidence(r.later().file(), r.later().line(), "repeat on " + r.on() + " " + r.value()
                    + " " + r.days() + " days after " + r.earlier().file() + ": " + r.verdict(), null));
        }
        return new Period(name, incidents.size(), bySeverity, durs, lifecycle, shares,
                followThrough(incidents, ev), distinctLater(repeats), ev);
    }

    private static int distinctLater(List<Repeat> repeats) {
        Set<String> files = new java.util.HashSet<>();
        for (Repeat r : repeats) {
            files.add(r.later().file());
        }
        return files.size();
    }

    private static void add(Map<String, List<Evidence>> ev, String metric, Evidence e) {
        ev.computeIfAbsent(metric, k -> new ArrayList<>()).add(e);
    }

    /** A duration between two incident timestamps: the incidents with both, the second not before the first. */
    static Summary duration(StatsSettings.Duration d, List<Incident> incidents, Map<String, List<Evidence>> ev) {
        List<Long> values = new ArrayList<>();
        for (Incident i : incidents) {
            Incident.Stamp from = i.times().get(d.from());
            Incident.Stamp to = i.times().get(d.to());
            if (from == null || to == null || to.at().isBefore(from.at())) {
                continue; // missing (or the wrong way round, which pm lint reports): counted as missing, never guessed
            }
            long s = ChronoUnit.SECONDS.between(from.at(), to.at());
            values.add(s);
            add(ev, d.name(), new Evidence(i.file(), to.line(), d.from() + " \u2192 " + d.to() + ": "
                    + Metrics.duration(s), null));
        }
        return summary(values, incidents.size());
    }

    static Summary summary(List<Long> values, int of) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        return new Summary(Metrics.median(v), Metrics.p90(v), v.length, of);
    }

    /** Time from the incident to the first commit of its postmortem, or the first whose status reached a step. */
    private static Summary lifecycle(String step, List<Incident> incidents, Map<String, List<Evidence>> ev) {
        List<Long> values = new ArrayList<>();
        for (Incident i : incidents) {
            History.Mark m = mark(step, i.history());
            if (m == null || i.start() == null) {
                continue;
            }
            long s = Math.max(0, ChronoUnit.SECONDS.between(i.start(), m.time()));
            values.add(s);
            add(ev, step, new Evidence(i.file(), i.fm().lineOf("status"), step + " " + Metrics.duration(s)
                    + " after the incident", m.commit()));
        }
        return summary(values, incidents.size());
    }

    private static History.Mark mark(String step, History.PathHistory h) {
        if (h == null) {
            return null;
        }
        return switch (step) {
            case "first-commit" -> h.first();
            case "in-review" -> h.inReview();
            case "reviewed" -> h.reviewed();
            case "published" -> h.published();
            default -> throw new IllegalArgumentException(step);
        };
    }

    /**
     * The share of postmortems that reached a step within its {@code overdue:} deadline: met when the step's first
     * commit (for follow-up: {@code follow_up_reviewed}) is on or before the deadline; missed when it is not and the
     * deadline has passed; not counted while it is still ahead (or without history).
     */
    private Share deadline(String which, List<Incident> incidents, Map<String, List<Evidence>> ev) {
        int met = 0;
        int of = 0;
        for (Incident i : incidents) {
            OverdueSettings own = deadlines.forSeverity(i.fm().severity());
            LocalDate reached;
            int days;
            String commit = null;
            if (which.equals("follow-up")) {
                if (i.items().isEmpty()) {
                    continue;
                }
                days = own.followUpDays();
                reached = i.fm().followUpReviewed();
            } else {
                if (i.history() == null) {
                    continue;
                }
                String step = switch (which) {
                    case "draft" -> "in-review";
                    case "review" -> "reviewed";
                    default -> "published";
                };
                days = switch (which) {
                    case "draft" -> own.draftDays();
                    case "review" -> own.reviewDays();
                    default -> own.publishDays();
                };
                History.Mark m = mark(step, i.history());
                reached = m == null ? null : m.day();
                commit = m == null ? null : m.commit();
            }
            LocalDate due = i.day().plusDays(days);
            boolean ok = reached != null && !reached.isAfter(due);
            if (!ok && !asOf.isAfter(due)) {
                continue;
            }
            of++;
            if (ok) {
                met++;
            }
            add(ev, "deadline:" + which, new Evidence(i.file(), i.fm().lineOf(which.equals("follow-up")
                    ? "follow_up_reviewed" : "status"), which + " due " + due + (reached == null ? ": not reached"
                    : ": reached " + reached) + (ok ? " (in time)" : " (late)"), commit));
        }
        return new Share(met, of);
    }

    /** The day an item was closed: its {@code closed:} date, else the last commit that made it what it is now. */
    static History.Mark closedBy(Incident i, Incident.Item item) {
        if (!item.finished() || i.history() == null) {
            return null;
        }
        History.Finish f = i.history().finish(item.key());
        return f != null && f.status().equals(item.status()) ? f.mark() : null;
    }

    static LocalDate closedOn(Incident i, Incident.Item item) {
        if (item.closed() != null) {
            return item.closed();
        }
        History.Mark m = closedBy(i, item);
        return m == null ? null : m.day();
    }

    /**
     * Created, done, wont-do, open; on time = done on or before the due date ÷ (done with a due date and a known
     * close date + open and past due today); median days from the incident to done; open and overdue today.
     */
    FollowThrough followThrough(List<Incident> incidents, Map<String, List<Evidence>> ev) {
        int created = 0;
        int done = 0;
        int wontDo = 0;
        int open = 0;
        int onTime = 0;
        int onTimeOf = 0;
        List<Long> toDone = new ArrayList<>();
        int overdue = 0;
        for (Incident i : incidents) {
            for (Incident.Item item : i.items()) {
                created++;
                add(ev, "created", new Evidence(i.file(), item.line(), item.title(), null));
                LocalDate closed = closedOn(i, item);
                History.Mark by = item.closed() == null ? closedBy(i, item) : null;
                String commit = by == null ? null : by.commit();
                if (item.done()) {
                    done++;
                    add(ev, "done", new Evidence(i.file(), item.line(), item.title() + (closed == null
                            ? " (close date unknown)" : " (closed " + closed + ")"), commit));
                    if (closed != null) {
                        long days = ChronoUnit.DAYS.between(i.day(), closed);
                        toDone.add(days);
                        add(ev, "days-to-done", new Evidence(i.file(), item.line(), item.title() + ": " + days
                                + " days", commit));
                        if (item.due() != null) {
                            onTimeOf++;
                            boolean ok = !closed.isAfter(item.due());
                            if (ok) {
                                onTime++;
                            }
                            add(ev, "on-time", new Evidence(i.file(), item.line(), item.title() + ": closed " + closed
                                    + ", due " + item.due() + (ok ? " (on time)" : " (late)"), commit));
                        }
                    }
                } else if (item.wontDo()) {
                    wontDo++;
                    add(ev, "wont-do", new Evidence(i.file(), item.line(), item.title(), commit));
                } else {
                    open++;
                    add(ev, "open", new Evidence(i.file(), item.line(), item.title(), null));
                    if (item.due() != null && asOf.isAfter(item.due())) {
                        onTimeOf++;
                        add(ev, "on-time", new Evidence(i.file(), item.line(), item.title() + ": open, due "
                                + item.due() + " (late)", null));
                    }
                }
            }
            for (OverdueItem row : overdueRows.getOrDefault(i.file(), List.of())) {
                if (row.kind() == Kind.ACTION_ITEM && row.overdue()) {
                    overdue++;
                    add(ev, "overdue", new Evidence(row.file(), row.line(), row.title() + ": " + row.daysOverdue()
                            + " days late", null));
                }
            }
        }
        return new FollowThrough(created, done, wontDo, open, new Share(onTime, onTimeOf),
                summary(toDone, done), overdue);
    }

    /** The dated incidents by service (or tag, with {@code tags}), lower-cased, each list in order of time. */
    static Map<String, List<Incident>> index(List<Incident> all, boolean tags) {
        Map<String, List<Incident>> out = new java.util.HashMap<>();
        for (Incident e : all) {
            if (e.day() == null) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : tags ? e.fm().tags() : e.fm().services()) {
                values.add(v.toLowerCase(Locale.ROOT));
            }
            for (String v : values) {
                out.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
            }
        }
        for (List<Incident> l : out.values()) {
            l.sort(IN_TIME);
        }
        return out;
    }

    /**
     * Incidents on a service (or with a tag) that had another within {@code window} days before it, each with the
     * latest such earlier one. The earlier one may be any postmortem read, filtered out or not.
     */
    static List<Repeat> repeats(List<Incident> all, List<Incident> later, int window) {
        Map<String, List<Incident>> byService = index(all, false);
        Map<String, List<Incident>> byTag = index(all, true);
        List<Repeat> out = new ArrayList<>();
        for (Incident x : later) {
            for (String on : List.of("service", "tag")) {
                Set<String> seen = new LinkedHashSet<>();
                for (String value : on.equals("service") ? x.fm().services() : x.fm().tags()) {
                    String k = value.toLowerCase(Locale.ROOT);
                    if (!seen.add(k)) {
                        continue;
                    }
                    Incident best = latestBefore((on.equals("service") ? byService : byTag).get(k), x);
                    if (best != null && ChronoUnit.DAYS.between(best.day(), x.day()) <= window) {
                        int open = (int) best.items().stream().filter(it -> !it.finished()).count();
                        out.add(new Repeat(x, best, on, value, ChronoUnit.DAYS.between(best.day(), x.day()),
                                best.items().size(), open));
                    }
                }
            }
        }
        return out;
    }

    /** The latest incident of a time-ordered list before {@code x} (not {@code x}'s own file), or {@code null}. */
    private static Incident latestBefore(List<Incident> ordered, Incident x) {
        if (ordered == null) {
            return null;
        }
        int lo = 0;
        int hi = ordered.size(); // the first index not before x
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Incident m = ordered.get(mid);
            if (m != x && !m.file().equals(x.file()) && before(m, x)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            Incident e = ordered.get(i);
            if (e != x && !e.file().equals(x.file())) {
                return e;
            }
        }
        return null;
    }

    /** Incidents in order of time: by day, then start (an unknown start first), then file name. */
    static final Comparator<Incident> IN_TIME = Comparator.comparing(Incident::day)
            .thenComparing(Incident::start, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Incident::file);

    /** Whether {@code a} happened before {@code b} ({@link #IN_TIME}). */
    static boolean before(Incident a, Incident b) {
        return IN_TIME.compare(a, b) < 0;
    }

    /**
     * New incidents on a service that still has unfinished action items from earlier postmortems: one row per incident
     * and service, naming the latest such postmortem and counting the open items of all of them.
     */
    static List<Risk> risks(List<Incident> all, List<Incident> later) {
        Map<String, List<Incident>> byService = index(all, false);
        List<Risk> out = new ArrayList<>();
        for (Incident x : later) {
            Set<String> seen = new LinkedHashSet<>();
            for (String service : x.fm().services()) {
                List<Incident> ordered = byService.get(service.toLowerCase(Locale.ROOT));
                if (!seen.add(service.toLowerCase(Locale.ROOT)) || ordered == null) {
                    continue;
                }
                Incident latest = null;
                int open = 0;
                int postmortems = 0;
                for (Incident e : ordered) {
                    if (e == x || e.file().equals(x.file()) || !before(e, x)) {
                        continue;
                    }
                    int o = (int) e.items().stream().filter(it -> !it.finished()).count();
                    if (o > 0) {
                        latest = e;
                        open += o;
                        postmortems++;
                    }
                }
                if (latest != null) {
                    out.add(new Risk(x, service, latest, open, postmortems));
                }
            }
        }
        return out;
    }
}
