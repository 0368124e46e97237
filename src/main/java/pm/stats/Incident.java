package pm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.FrontMatter;
import pm.parse.Dates;
import pm.yaml.YamlNode;

/**
 * One postmortem as the metrics read it: its incident date and timestamps, groups (severity, services, tags) and
 * action items, from the front matter as it is now; and its git history, when there is one.
 *
 * @param file    the file as pm names it in output
 * @param path    its path in the repository ('/' separated), which the history is keyed by; {@code null} without git
 * @param day     the incident's day: {@code date}, else {@code incident.started}'s (UTC); {@code null} for neither
 * @param times   every {@code incident.*} timestamp that reads, by key, with its line
 * @param items   the front matter's action items
 * @param history what git says about it, or {@code null} (no history: --no-git, a shallow clone, never committed)
 */
public record Incident(String file, String path, FrontMatter fm, LocalDate day, Map<String, Stamp> times,
        List<Item> items, History.PathHistory history) {

    /** A timestamp and the line it is written on. */
    public record Stamp(Instant at, int line) {
    }

    /**
     * An action item.
     *
     * @param key    how it is followed across commits: its {@code id:}, else its title ({@link ActionItem#keyOf}); a
     *               renamed item without an id is a new item
     * @param status done, wont-do, open, in-progress, or {@code null} (unfinished)
     * @param closed the {@code closed:} date written on it, or {@code null}
     */
    public record Item(String key, String title, int line, String status, LocalDate due, LocalDate closed) {
        public boolean done() {
            return ActionStatus.DONE.id().equals(status);
        }

        public boolean wontDo() {
            return ActionStatus.WONT_DO.id().equals(status);
        }

        public boolean finished() {
            return done() || wontDo();
        }
    }

    public Incident {
        times = Map.copyOf(times);
        items = List.copyOf(items);
    }

    /** The incident from a front matter that reads. */
    public static Incident of(String file, String path, FrontMatter fm, History.PathHistory history) {
        Map<String, Stamp> times = new LinkedHashMap<>();
        if (fm.raw() != null && fm.raw().get("incident") instanceof YamlNode.Mapping inc) {
            for (YamlNode.Entry e : inc.entries().values()) {
                if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                    Dates.Result<Instant> r = Dates.timestamp(s.text());
                    if (r.ok()) {
                        times.put(e.key(), new Stamp(r.value(), e.keyLine()));
                    }
                }
            }
        }
        LocalDate day = fm.date();
        if (day == null && times.containsKey("started")) {
            day = times.get("started").at().atZone(ZoneOffset.UTC).toLocalDate();
        }
        return new Incident(file, path, fm, day, times, items(fm), history);
    }

    /** The front matter's action items with their keys and {@code closed:} dates. */
    static List<Item> items(FrontMatter fm) {
        Map<Integer, YamlNode.Mapping> byLine = new HashMap<>();
        if (fm.raw() != null && fm.raw().get("action_items") instanceof YamlNode.Sequence seq) {
            for (YamlNode n : seq.items()) {
                if (n instanceof YamlNode.Mapping m) {
                    byLine.put(m.line(), m);
                }
            }
        }
        List<Item> out = new ArrayList<>();
        for (ActionItem a : fm.actionItems()) {
            YamlNode.Mapping m = byLine.get(a.span().line());
            String id = m == null ? null : scalar(m.get("id"));
            LocalDate closed = null;
            String c = m == null ? null : scalar(m.get("closed"));
            if (c != null) {
                Dates.Result<LocalDate> r = Dates.date(c);
                closed = r.ok() ? r.value() : null;
            }
            String key = id != null ? "id:" + id : ActionItem.keyOf(a.title());
            out.add(new Item(key, a.title() == null ? "(action item without a title)" : a.title(), a.span().line(),
                    a.status(), a.due(), closed));
        }
        return out;
    }

    private static String scalar(YamlNode n) {
        return n instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank() ? s.text().strip() : null;
    }

    /** When the incident began: {@code incident.started}, else the start of its day (UTC). */
    public Instant start() {
        Stamp s = times.get("started");
        return s != null ? s.at() : day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** One incident per file: compared by its name, not by its whole front matter. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Incident i && i.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    /** The line of the incident date, for evidence. */
    public int line() {
        return fm.lineOf("date");
    }
}
