package pm.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pm.report.Visible;

/** {@code pm stats} output: a table for the terminal, Markdown for review notes, JSON and CSV for a dashboard. */
public enum StatsWriter {
    TABLE, MARKDOWN, JSON, CSV;

    /** The format named on the command line, or {@code null}. */
    public static StatsWriter parse(String s) {
        for (StatsWriter w : values()) {
            if (w.name().equalsIgnoreCase(s.strip())) {
                return w;
            }
        }
        return null;
    }

    public void write(Stats.Result r, PrintWriter out) {
        switch (this) {
            case TABLE -> text(r, out, false);
            case MARKDOWN -> text(r, out, true);
            case JSON -> json(r, out);
            case CSV -> csv(r, out);
            default -> throw new IllegalStateException();
        }
    }

    // --- table and Markdown ---------------------------------------------------------------------------------

    private static final int BAR = 20;

    private static void text(Stats.Result r, PrintWriter out, boolean md) {
        List<Stats.Period> rows = new ArrayList<>(r.periods());
        rows.add(r.overall());
        String history = r.historyMissing() == null ? null : "no history (" + r.historyMissing() + ")";
        heading(out, md, "pm stats: " + r.read() + (r.read() == 1 ? " postmortem" : " postmortems") + ", by "
                + r.by().id() + (r.periods().isEmpty() ? "" : ", " + r.periods().get(0).name() + " to "
                + r.periods().get(r.periods().size() - 1).name()), 1);
        if (r.undated() > 0) {
            out.println((md ? "" : "  ") + r.undated() + " without an incident date (date or incident.started) "
                    + "are not in any period.");
        }
        if (r.periods().isEmpty()) {
            out.println((md ? "" : "  ") + "No incidents to report.");
            return;
        }

        heading(out, md, "Incidents", 2);
        List<String> head = new ArrayList<>(List.of("period", "total"));
        List<String> sevs = new ArrayList<>(r.severities());
        if (r.overall().bySeverity().containsKey("none") && !sevs.contains("none")) {
            sevs.add("none");
        }
        head.addAll(sevs);
        if (!md) {
            head.add("");
        }
        List<List<String>> t = new ArrayList<>();
        int max = r.periods().stream().mapToInt(Stats.Period::incidents).max().orElse(0);
        for (Stats.Period p : rows) {
            List<String> row = new ArrayList<>(List.of(p.name(), Integer.toString(p.incidents())));
            for (String s : sevs) {
                row.add(Integer.toString(p.bySeverity().getOrDefault(s, 0)));
            }
            if (!md) {
                row.add(p.name().equals("all") ? "" : Metrics.bar(p.incidents(), max, BAR));
            }
            t.add(row);
        }
        table(out, md, head, t);

        heading(out, md, "Detection and recovery: median / p90 (n of incidents)", 2);
        head = new ArrayList<>(List.of("period"));
        head.addAll(r.durations());
        t = new ArrayList<>();
        for (Stats.Period p : rows) {
            List<String> row = new ArrayList<>(List.of(p.name()));
            for (String d : r.durations()) {
                row.add(summary(p.durations().get(d)));
            }
            t.add(row);
        }
        table(out, md, head, t);

        heading(out, md, "Lifecycle from git history: time from the incident to the postmortem's first commit, "
                + "in-review and published", 2);
        if (history != null) {
            out.println((md ? "" : "  ") + history + "; the rest still counts.");
        } else {
            t = new ArrayList<>();
            for (Stats.Period p : rows) {
                List<String> row = new ArrayList<>(List.of(p.name()));
                for (String s : Stats.LIFECYCLE) {
                    row.add(summary(p.lifecycle().get(s)));
                }
                t.add(row);
            }
            table(out, md, List.of("period", "first commit", "in-review", "published"), t);
        }
        heading(out, md, "Within the overdue: deadlines (draft, review and publish from git history)", 2);
        t = new ArrayList<>();
        for (Stats.Period p : rows) {
            List<String> row = new ArrayList<>(List.of(p.name()));
            for (String s : Stats.DEADLINES) {
                row.add(history != null && !s.equals("follow-up") ? "no history" : share(p.deadlines().get(s)));
            }
            t.add(row);
        }
        table(out, md, List.of("period", "draft", "review", "publish", "follow-up"), t);

        heading(out, md, "Follow-through: action items of the period's incidents", 2);
        head = List.of("period", "created", "done", "wont-do", "open", "on time", "days to done", "overdue today");
        t = new ArrayList<>();
        for (Stats.Period p : rows) {
            Stats.FollowThrough f = p.followThrough();
            Stats.Summary d = f.daysToDone();
            t.add(List.of(p.name(), Integer.toString(f.created()), Integer.toString(f.done()),
                    Integer.toString(f.wontDo()), Integer.toString(f.open()), share(f.onTime()),
                    d.n() == 0 ? "-" : d.median() + "d (" + d.n() + " of " + d.of() + ")",
                    Integer.toString(f.overdueToday())));
        }
        table(out, md, head, t);
        if (history != null) {
            out.println((md ? "" : "  ") + "Close dates come only from closed: fields: " + history + ".");
        }

        heading(out, md, "Repeat incidents (within " + r.windowDays() + " days on a service or tag)", 2);
        if (r.repeats().isEmpty()) {
            out.println((md ? "" : "  ") + "None.");
        } else {
            t = new ArrayList<>();
            for (Stats.Repeat x : newest(r.repeats(), x -> x.later().day())) {
                t.add(List.of(x.later().day().toString(), x.on() + " " + x.value(), x.later().file(),
                        "after " + x.earlier().file() + " (" + x.days() + " days)", x.verdict()));
            }
            table(out, md, List.of("date", "on", "postmortem", "earlier", "earlier items"), t);
            more(out, md, r.repeats().size());
        }

        heading(out, md, "Recurrence risk: new incidents on a service with open items from an earlier postmortem", 2);
        if (r.risks().isEmpty()) {
            out.println((md ? "" : "  ") + "None.");
        } else {
            t = new ArrayList<>();
            for (Stats.Risk x : newest(r.risks(), x -> x.incident().day())) {
                t.add(List.of(x.incident().day().toString(), x.service(), x.incident().file(),
                        x.open() + (x.open() == 1 ? " item" : " items") + " open in " + (x.postmortems() == 1 ? ""
                                : x.postmortems() + " postmortems, the latest ") + x.earlier().file() + " ("
                                + x.earlier().day() + ")"));
            }
            table(out, md, List.of("date", "service", "postmortem", "still open"), t);
            more(out, md, r.risks().size());
        }
        if (!md) {
            out.println();
            out.println("Medians, not means. Durations need both timestamps; missing ones are counted, not guessed. "
                    + "Trace a number: pm stats --explain METRIC --period PERIOD.");
        }
    }

    /**
     * At most this many repeats and risks are listed in the table and Markdown formats, the newest first, so the
     * report stays readable in a terminal and within a GitHub job summary's 1 MiB; JSON and CSV list every one.
     */
    static final int LISTED = 25;

    private static <T> List<T> newest(List<T> all, java.util.function.Function<T, java.time.LocalDate> day) {
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(day).reversed());
        return sorted.subList(0, Math.min(LISTED, sorted.size()));
    }

    private static void more(PrintWriter out, boolean md, int all) {
        if (all > LISTED) {
            out.println((md ? "\n" : "  ") + "The newest " + LISTED + " of " + all + "; pm stats --format json lists "
                    + "them all.");
        }
    }

    private static void heading(PrintWriter out, boolean md, String text, int level) {
        if (md) {
            out.println((level == 1 ? "## " : "### ") + text);
            out.println();
        } else {
            if (level > 1) {
                out.println();
            }
            out.println(text);
        }
    }

    static String summary(Stats.Summary s) {
        if (s == null) {
            return "-";
        }
        if (s.n() == 0) {
            return "- (0 of " + s.of() + ")";
        }
        return Metrics.duration(s.median()) + " / " + Metrics.duration(s.p90()) + " (" + s.n() + " of " + s.of() + ")";
    }

    static String share(Stats.Share s) {
        return s.of() == 0 ? "-" : s.percent() + "% (" + s.met() + " of " + s.of() + ")";
    }

    private static void table(PrintWriter out, boolean md, List<String> head, List<List<String>> rows) {
        if (md) {
            out.println("| " + String.join(" | ", head.stream().map(StatsWriter::cell).toList()) + " |");
            out.println("|" + "---|".repeat(head.size()));
            for (List<String> row : rows) {
                out.println("| " + String.join(" | ", row.stream().map(StatsWriter::cell).toList()) + " |");
            }
            out.println();
            return;
        }
        int[] w = new int[head.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(head);
        for (List<String> row : rows) {
            all.add(row.stream().map(Visible::of).toList());
        }
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                w[c] = Math.max(w[c], row.get(c).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean number = c > 0 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"))
                        && cell.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-');
                String pad = " ".repeat(w[c] - cell.length());
                sb.append(number ? pad + cell : cell + (c == row.size() - 1 ? "" : pad));
                if (c < row.size() - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String cell(String s) {
        return Visible.of(s).replace("|", "\\|");
    }

    // --- JSON -----------------------------------------------------------------------------------------------

    private static void json(Stats.Result r, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("by", r.by().id());
            g.writeNumberField("postmortems", r.read());
            g.writeNumberField("undated", r.undated());
            g.writeStringField("history", r.historyMissing() == null ? "git" : "none: " + r.historyMissing());
            g.writeNumberField("repeat_window_days", r.windowDays());
            g.writeArrayFieldStart("periods");
            for (Stats.Period p : r.periods()) {
                period(g, p, r.historyMissing() == null);
            }
            g.writeEndArray();
            g.writeFieldName("overall");
            period(g, r.overall(), r.historyMissing() == null);
            g.writeArrayFieldStart("repeats");
            for (Stats.Repeat x : r.repeats()) {
                g.writeStartObject();
                g.writeStringField("file", x.later().file());
                g.writeStringField("date", x.later().day().toString());
                g.writeStringField("on", x.on());
                g.writeStringField("value", x.value());
                g.writeStringField("earlier", x.earlier().file());
                g.writeStringField("earlier_date", x.earlier().day().toString());
                g.writeNumberField("days", x.days());
                g.writeNumberField("earlier_items", x.earlierItems());
                g.writeNumberField("earlier_open", x.earlierOpen());
                g.writeStringField("verdict", x.earlierItems() == 0 ? "no-items"
                        : x.earlierOpen() == 0 ? "fix-did-not-hold" : "fix-not-yet-made");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("recurrence_risk");
            for (Stats.Risk x : newest(r.risks(), x -> x.incident().day())) {
                g.writeStartObject();
                g.writeStringField("file", x.incident().file());
                g.writeStringField("date", x.incident().day().toString());
                g.writeStringField("service", x.service());
                g.writeStringField("earlier", x.earlier().file());
                g.writeStringField("earlier_date", x.earlier().day().toString());
                g.writeNumberField("open", x.open());
                g.writeNumberField("postmortems", x.postmortems());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void period(JsonGenerator g, Stats.Period p, boolean history) throws IOException {
        g.writeStartObject();
        g.writeStringField("period", p.name());
        g.writeNumberField("incidents", p.incidents());
        g.writeObjectFieldStart("by_severity");
        for (Map.Entry<String, Integer> e : p.bySeverity().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("durations");
        for (Map.Entry<String, Stats.Summary> e : p.durations().entrySet()) {
            g.writeFieldName(e.getKey());
            summary(g, e.getValue(), "seconds");
        }
        g.writeEndObject();
        if (history) {
            g.writeObjectFieldStart("lifecycle");
            for (Map.Entry<String, Stats.Summary> e : p.lifecycle().entrySet()) {
                g.writeFieldName(e.getKey());
                summary(g, e.getValue(), "seconds");
            }
            g.writeEndObject();
        } else {
            g.writeNullField("lifecycle");
        }
        g.writeObjectFieldStart("deadlines");
        for (Map.Entry<String, Stats.Share> e : p.deadlines().entrySet()) {
            if (history || e.getKey().equals("follow-up")) {
                g.writeFieldName(e.getKey());
                share(g, e.getValue());
            } else {
                g.writeNullField(e.getKey());
            }
        }
        g.writeEndObject();
        Stats.FollowThrough f = p.followThrough();
        g.writeObjectFieldStart("follow_through");
        g.writeNumberField("created", f.created());
        g.writeNumberField("done", f.done());
        g.writeNumberField("wont_do", f.wontDo());
        g.writeNumberField("open", f.open());
        g.writeFieldName("on_time");
        share(g, f.onTime());
        g.writeFieldName("days_to_done");
        summary(g, f.daysToDone(), "days");
        g.writeNumberField("overdue_today", f.overdueToday());
        g.writeEndObject();
        g.writeNumberField("repeats", p.repeats());
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Stats.Summary s, String unit) throws IOException {
        g.writeStartObject();
        number(g, "median_" + unit, s.median());
        number(g, "p90_" + unit, s.p90());
        g.writeNumberField("n", s.n());
        g.writeNumberField("of", s.of());
        g.writeEndObject();
    }

    private static void share(JsonGenerator g, Stats.Share s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("met", s.met());
        g.writeNumberField("of", s.of());
        if (s.percent() == null) {
            g.writeNullField("percent");
        } else {
            g.writeNumberField("percent", s.percent());
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Long v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    // --- CSV ------------------------------------------------------------------------------------------------

    /** The CSV columns: one row per period and metric. */
    public static final List<String> CSV_HEADER = List.of("period", "metric", "value", "median", "p90", "n", "of",
            "unit");

    private static void csv(Stats.Result r, PrintWriter out) {
        csvLine(out, CSV_HEADER);
        List<Stats.Period> rows = new ArrayList<>(r.periods());
        rows.add(r.overall());
        boolean history = r.historyMissing() == null;
        for (Stats.Period p : rows) {
            String n = p.name();
            csvLine(out, List.of(n, "incidents", Integer.toString(p.incidents()), "", "", "", "", "count"));
            for (Map.Entry<String, Integer> e : p.bySeverity().entrySet()) {
                csvLine(out, List.of(n, "severity:" + e.getKey(), e.getValue().toString(), "", "", "", "", "count"));
            }
            for (Map.Entry<String, Stats.Summary> e : p.durations().entrySet()) {
                csvSummary(out, n, e.getKey(), e.getValue(), "seconds");
            }
            if (history) {
                for (Map.Entry<String, Stats.Summary> e : p.lifecycle().entrySet()) {
                    csvSummary(out, n, e.getKey(), e.getValue(), "seconds");
                }
            }
            for (Map.Entry<String, Stats.Share> e : p.deadlines().entrySet()) {
                if (history || e.getKey().equals("follow-up")) {
                    csvShare(out, n, "deadline:" + e.getKey(), e.getValue());
                }
            }
            Stats.FollowThrough f = p.followThrough();
            csvLine(out, List.of(n, "created", Integer.toString(f.created()), "", "", "", "", "count"));
            csvLine(out, List.of(n, "done", Integer.toString(f.done()), "", "", "", "", "count"));
            csvLine(out, List.of(n, "wont-do", Integer.toString(f.wontDo()), "", "", "", "", "count"));
            csvLine(out, List.of(n, "open", Integer.toString(f.open()), "", "", "", "", "count"));
            csvShare(out, n, "on-time", f.onTime());
            csvSummary(out, n, "days-to-done", f.daysToDone(), "days");
            csvLine(out, List.of(n, "overdue", Integer.toString(f.overdueToday()), "", "", "", "", "count"));
            csvLine(out, List.of(n, "repeats", Integer.toString(p.repeats()), "", "", "", "", "count"));
        }
    }

    private static void csvSummary(PrintWriter out, String period, String metric, Stats.Summary s, String unit) {
        csvLine(out, List.of(period, metric, "", s.median() == null ? "" : s.median().toString(),
                s.p90() == null ? "" : s.p90().toString(), Integer.toString(s.n()), Integer.toString(s.of()), unit));
    }

    private static void csvShare(PrintWriter out, String period, String metric, Stats.Share s) {
        csvLine(out, List.of(period, metric, s.percent() == null ? "" : s.percent().toString(), "", "",
                Integer.toString(s.met()), Integer.toString(s.of()), "percent"));
    }

    private static void csvLine(PrintWriter out, List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            sb.append(c);
        }
        out.print(sb.append("\r\n"));
    }

    // --- --explain ------------------------------------------------------------------------------------------

    /** The metrics {@code --explain} knows, for its message. */
    public static List<String> metrics(Stats.Result r) {
        List<String> out = new ArrayList<>(List.of("incidents"));
        for (String s : r.severities()) {
            out.add("severity:" + s);
        }
        out.addAll(r.durations());
        out.addAll(Stats.LIFECYCLE);
        for (String d : Stats.DEADLINES) {
            out.add("deadline:" + d);
        }
        out.addAll(List.of("created", "done", "wont-do", "open", "on-time", "days-to-done", "overdue", "repeats"));
        return out;
    }

    /**
     * The files (file:line) and commits behind one number; {@code null} when the period is not one of the report's.
     */
    public static List<String> explain(Stats.Result r, String metric, String period) {
        Stats.Period p = period.equalsIgnoreCase("all") ? r.overall() : r.periods().stream()
                .filter(x -> x.name().equalsIgnoreCase(period)).findFirst().orElse(null);
        if (p == null) {
            return null;
        }
        String key = metric.toLowerCase(Locale.ROOT).startsWith("severity:")
                ? "severity:" + metric.substring("severity:".length()) : metric;
        List<String> out = new ArrayList<>();
        for (Stats.Evidence e : p.evidence().getOrDefault(key, List.of())) {
            out.add(Visible.of(e.file()) + ":" + e.line() + "  " + Visible.of(e.note())
                    + (e.commit() == null ? "" : "  (commit " + e.commit() + ")"));
        }
        return out;
    }
}
