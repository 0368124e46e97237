package pm.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pm.model.ActionItem;
import pm.model.ActionStatus;
import pm.model.FrontMatter;
import pm.model.Problem;
import pm.model.SourceText;
import pm.model.Span;
import pm.model.Waiver;
import pm.yaml.YamlException;
import pm.yaml.YamlNode;
import pm.yaml.YamlNode.Mapping;
import pm.yaml.YamlNode.Scalar;
import pm.yaml.YamlNode.Sequence;
import pm.yaml.YamlReader;

/**
 * Finds the front matter block at the top of a postmortem and reads it into a {@link FrontMatter}.
 * Never throws for bad input: every problem becomes a {@link Problem} with its line.
 */
public final class FrontMatterParser {
    private final Schema schema;

    public FrontMatterParser(Schema schema) {
        this.schema = schema;
    }

    /** The front matter and the offset where the Markdown body starts. */
    public record Split(FrontMatter frontMatter, int bodyStart) {
    }

    public Split parse(SourceText source) {
        String text = source.text();
        if (!isDelimiter(source.lineText(1), false)) {
            Problem p = Problem.at(1, 1, "no front matter: start the file with a '---' line, the YAML fields "
                    + "(title, date, severity, …) and another '---' line");
            return new Split(empty(false, true, Span.at(1, 1), List.of(p)), 0);
        }
        int close = 0;
        for (int line = 2; line <= source.lineCount(); line++) {
            if (isDelimiter(source.lineText(line), true)) {
                close = line;
                break;
            }
        }
        if (close == 0) {
            Problem p = Problem.at(1, 1, "front matter is never closed: add a '---' line after the last YAML field");
            return new Split(empty(true, false, Span.at(1, 1), List.of(p)), source.lineStart(2));
        }
        int bodyStart = close < source.lineCount() ? source.lineStart(close + 1) : text.length();
        Span span = new Span(1, 1, close, source.lineText(close).length());
        String yaml = text.substring(source.lineStart(2), source.lineStart(close));
        YamlNode root;
        try {
            root = new YamlReader(1).read(yaml);
        } catch (YamlException e) {
            return new Split(empty(true, false, span, yamlProblems(source, close, e)), bodyStart);
        }
        if (root == null) {
            root = new Mapping(java.util.Map.of(), 2, 1);
        }
        if (!(root instanceof Mapping map)) {
            Problem p = Problem.at(root.line(), root.column(),
                    "front matter must be YAML fields (title: …, date: …), not a " + root.typeName());
            return new Split(empty(true, false, span, List.of(p)), bodyStart);
        }
        return new Split(new Fields(map, span).read(), bodyStart);
    }

    /**
     * Why the YAML does not read: the slips people make ({@link YamlSlips}), each with its fix, and whatever the
     * reader still finds once they are fixed; else the reader's own message.
     */
    private static List<Problem> yamlProblems(SourceText source, int close, YamlException e) {
        List<String> lines = new ArrayList<>(close - 2);
        for (int line = 2; line < close; line++) {
            lines.add(source.lineText(line));
        }
        List<YamlSlips.Slip> slips = YamlSlips.find(lines, 2);
        YamlException left = slips.isEmpty() ? e : YamlSlips.stillWrong(lines, 2, slips);
        List<Problem> problems = new ArrayList<>();
        for (YamlSlips.Slip s : slips) {
            problems.add(Problem.at(s.line(), s.column(), "front matter YAML: " + s.message()
                    + (left == null ? " ('pm lint --fix' does it)" : "")));
        }
        if (left != null) {
            problems.add(Problem.at(left.line() > 0 ? left.line() : 1, Math.max(left.column(), 1),
                    (slips.isEmpty() ? "front matter YAML: " : "front matter YAML, once the slips above are fixed: ")
                            + left.getMessage()));
        }
        return problems;
    }

    private static boolean isDelimiter(String line, boolean closing) {
        String s = line.stripTrailing();
        return s.equals("---") || (closing && s.equals("..."));
    }

    private static FrontMatter empty(boolean present, boolean readable, Span span, List<Problem> problems) {
        return new FrontMatter(present, readable, span, null, null, null, null, List.of(), List.of(),
                null, null, null, List.of(), null, List.of(), null, problems);
    }

    /** Reads the typed fields of one mapping, collecting problems. */
    private final class Fields {
        private final Mapping map;
        private final Span span;
        private final List<Problem> problems = new ArrayList<>();

        Fields(Mapping map, Span span) {
            this.map = map;
            this.span = span;
        }

        FrontMatter read() {
            String title = text(map, "title");
            LocalDate date = day(map, "date");
            String severity = oneOf(map, "severity", schema.severities(), schema::severity);
            String status = oneOf(map, "status", Schema.STATUSES, Schema::status);
            List<String> authors = strings(map, "authors");
            List<String> services = strings(map, "services");
            Instant started = null;
            Instant detected = null;
            Instant resolved = null;
            YamlNode incident = map.get("incident");
            if (incident instanceof Mapping inc) {
                started = timestamp(inc, "started");
                detected = timestamp(inc, "detected");
                resolved = timestamp(inc, "resolved");
                if (started != null && resolved != null && resolved.isBefore(started)) {
                    problem(inc.get("resolved"), "incident.resolved (" + resolved + ") is before incident.started ("
                            + started + ")");
                }
                if (started != null && detected != null && detected.isBefore(started)) {
                    problem(inc.get("detected"), "incident.detected (" + detected + ") is before incident.started ("
                            + started + ")");
                }
            } else if (present(incident)) {
                problem(incident, "incident must be fields (started, detected, resolved), not " + a(incident));
            }
            List<ActionItem> items = actionItems(map.get("action_items"));
            LocalDate reviewed = date(map, "follow_up_reviewed");
            List<String> tags = strings(map, "tags");
            return new FrontMatter(true, true, span, title, date, severity, status, authors, services,
                    started, detected, resolved, items, reviewed, tags, map, problems);
        }

        private void problem(YamlNode at, String message) {
            problem(at, message, Problem.Subject.FRONT_MATTER);
        }

        private void problem(YamlNode at, String message, Problem.Subject subject) {
            int line = at == null ? span.line() : at.line();
            int col = at == null ? 1 : at.column();
            problems.add(new Problem(Span.at(line, col), message, subject));
        }

        private boolean present(YamlNode n) {
            return n != null && !(n instanceof Scalar s && (s.isNull() || s.text().isBlank()));
        }

        private String text(Mapping m, String key) {
            return text(m, key, Problem.Subject.FRONT_MATTER);
        }

        private String text(Mapping m, String key, Problem.Subject subject) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return null;
            }
            if (n instanceof Scalar s) {
                return s.text().strip().isEmpty() ? null : s.text().strip();
            }
            problem(n, key + " must be text, not " + a(n), subject);
            return null;
        }

        /** The front matter's {@code date}: a date, or a date-time whose day is kept. */
        private LocalDate day(Mapping m, String key) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return null;
            }
            if (!(n instanceof Scalar s)) {
                problem(n, key + " must be a date (YYYY-MM-DD), not " + a(n));
                return null;
            }
            Dates.Result<LocalDate> r = Dates.day(s.text());
            if (!r.ok()) {
                problem(n, key + ": " + r.problem());
            }
            return r.value();
        }

        private LocalDate date(Mapping m, String key) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return null;
            }
            if (!(n instanceof Scalar s)) {
                problem(n, key + " must be a date (YYYY-MM-DD), not " + a(n));
                return null;
            }
            Dates.Result<LocalDate> r = Dates.date(s.text());
            if (!r.ok()) {
                problem(n, key + ": " + r.problem());
            }
            return r.value();
        }

        private Instant timestamp(Mapping m, String key) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return null;
            }
            if (!(n instanceof Scalar s)) {
                problem(n, "incident." + key + " must be a timestamp, not " + a(n));
                return null;
            }
            Dates.Result<Instant> r = Dates.timestamp(s.text());
            if (!r.ok()) {
                problem(n, "incident." + key + ": " + r.problem());
            }
            return r.value();
        }

        private String oneOf(Mapping m, String key, List<String> allowed,
                java.util.function.Function<String, java.util.Optional<String>> lookup) {
            return oneOf(m, key, allowed, lookup, Problem.Subject.FRONT_MATTER);
        }

        private String oneOf(Mapping m, String key, List<String> allowed,
                java.util.function.Function<String, java.util.Optional<String>> lookup, Problem.Subject subject) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return null;
            }
            if (n instanceof Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
                java.util.Optional<String> v = lookup.apply(s.text());
                if (v.isPresent()) {
                    return v.get();
                }
                problem(n, key + " '" + s.text().strip() + "' is not one of " + String.join(", ", allowed)
                        + fix(key, n), subject);
                return null;
            }
            problem(n, key + " must be one of " + String.join(", ", allowed) + ", not " + a(n) + fix(key, n), subject);
            return null;
        }

        /** What to write for a bad postmortem {@code status}, and on which line; nothing for other keys. */
        private String fix(String key, YamlNode n) {
            return key.equals("status") ? "; set status: <the step it has reached> (line " + n.line() + ")" : "";
        }

        private List<String> strings(Mapping m, String key) {
            YamlNode n = m.get(key);
            if (!present(n)) {
                return List.of();
            }
            if (n instanceof Scalar s) {
                return List.of(s.text().strip());
            }
            if (n instanceof Sequence seq) {
                List<String> out = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    if (item instanceof Scalar s && !s.isNull()) {
                        out.add(s.text().strip());
                    } else if (present(item)) {
                        problem(item, key + " must be a list of names, but one item is " + a(item));
                    }
                }
                return out;
            }
            problem(n, key + " must be a list of names, not " + a(n));
            return List.of();
        }

        private List<ActionItem> actionItems(YamlNode n) {
            if (!present(n)) {
                return List.of();
            }
            if (!(n instanceof Sequence seq)) {
                problem(n, "action_items must be a list of items (- title: …, owner: …, due: …, priority: …), not "
                        + a(n));
                return List.of();
            }
            List<ActionItem> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                ActionItem a = actionItem(item);
                if (a != null) {
                    out.add(a);
                }
            }
            return out;
        }

        private ActionItem actionItem(YamlNode n) {
            Span at = Span.at(n.line(), n.column());
            if (n instanceof Scalar s) {
                if (s.isNull() || s.text().isBlank()) {
                    problem(n, "empty action item: remove the '-' line or give it a title");
                    return null;
                }
                return new ActionItem(s.text().strip(), null, null, null, null, null, null, null,
                        ActionItem.Origin.FRONT_MATTER, at);
            }
            if (!(n instanceof Mapping m)) {
                problem(n, "an action item must be fields (title, owner, due, priority, status), not " + a(n));
                return null;
            }
            String title = text(m, "title");
            if (title == null) {
                problem(n, "action item has no title: add 'title: <what will change>'");
            }
            String owner = text(m, "owner");
            String dueText = text(m, "due", Problem.Subject.ACTION_ITEM_DUE);
            LocalDate due = null;
            String dueProblem = null;
            YamlNode dueNode = m.get("due");
            if (present(dueNode) && !(dueNode instanceof Scalar)) {
                dueProblem = "due must be a date (YYYY-MM-DD), not " + a(dueNode);
            } else if (dueText != null) {
                Dates.Result<LocalDate> r = Dates.date(dueText);
                due = r.value();
                dueProblem = r.ok() ? null : r.problem();
                if (!r.ok()) {
                    problem(dueNode, "action item due: " + r.problem(), Problem.Subject.ACTION_ITEM_DUE);
                }
            }
            String priority = oneOf(m, "priority", Schema.PRIORITIES, Schema::priority,
                    Problem.Subject.ACTION_ITEM_PRIORITY);
            String status = null;
            YamlNode st = m.get("status");
            if (present(st)) {
                String raw = st instanceof Scalar s ? s.text().strip() : null;
                java.util.Optional<ActionStatus> parsed = ActionStatus.parse(raw);
                if (parsed.isPresent()) {
                    status = parsed.get().id();
                } else {
                    problem(st, "action item status " + (raw == null ? a(st) : "'" + raw + "'")
                            + " is not one of open, in-progress, done, wont-do");
                }
            }
            String link = text(m, "link");
            text(m, "reason"); // kept in written (ActionItem.reason); text, or a problem at its line
            java.util.Map<ActionItem.Field, ActionItem.Written> written = new java.util.EnumMap<>(ActionItem.Field.class);
            for (ActionItem.Field f : ActionItem.Field.values()) {
                YamlNode v = m.get(f.key());
                if (v != null) {
                    String text = v instanceof Scalar s && !s.isNull() && !s.text().isBlank() ? s.text().strip() : null;
                    written.put(f, new ActionItem.Written(text, Span.at(v.line(), v.column())));
                }
            }
            Waiver waiver = m.get("waiver") == null ? null : waiver(m.entry("waiver"));
            return new ActionItem(title, owner, dueText, due, dueProblem, priority, status, link,
                    ActionItem.Origin.FRONT_MATTER, at, ActionItem.keyOf(title), written, waiver);
        }

        /**
         * An item's {@code waiver}: its reason, who granted it and when, all three required. A waiver with one missing
         * or wrong is a problem at its line saying what to write, and exempts nothing.
         */
        private Waiver waiver(YamlNode.Entry entry) {
            YamlNode n = entry.value();
            int line = entry.keyLine();
            if (!(n instanceof Mapping w)) {
                problems.add(Problem.at(line, entry.keyColumn(), "waiver must be fields, not "
                        + (present(n) ? a(n) : "empty") + ": " + WAIVER_SHAPE));
                return null;
            }
            List<String> missing = new ArrayList<>(3);
            String reason = waiverText(w, "reason", missing);
            String by = waiverText(w, "by", missing);
            LocalDate date = null;
            YamlNode d = w.get("date");
            if (!present(d)) {
                missing.add("date");
            } else if (!(d instanceof Scalar s)) {
                problem(d, "waiver date must be a date (YYYY-MM-DD), not " + a(d));
            } else {
                Dates.Result<LocalDate> r = Dates.date(s.text());
                date = r.value();
                if (!r.ok()) {
                    problem(d, "waiver date: " + r.problem());
                }
            }
            if (!missing.isEmpty()) {
                problems.add(Problem.at(line, entry.keyColumn(), "waiver is missing '" + String.join("' and '", missing)
                        + "': " + WAIVER_SHAPE));
            }
            return reason == null || by == null || date == null ? null
                    : new Waiver(reason, by, date, Span.at(line, entry.keyColumn()));
        }

        private String waiverText(Mapping w, String key, List<String> missing) {
            YamlNode n = w.get(key);
            if (!present(n)) {
                missing.add(key);
                return null;
            }
            if (n instanceof Scalar s) {
                return s.text().strip();
            }
            problem(n, "waiver " + key + " must be text, not " + a(n));
            return null;
        }
    }

    /** What a waiver holds, for the messages about one written wrong. */
    static final String WAIVER_SHAPE = "write 'waiver: {reason: <why it can wait>, by: <who agreed>, date: YYYY-MM-DD}'";

    /** "a list", "the number 3", "true/false" — for messages about wrong types. */
    static String a(YamlNode n) {
        if (n instanceof Scalar s) {
            return switch (s.kind()) {
                case INTEGER, FLOAT -> "the number " + s.text();
                case BOOLEAN -> s.text();
                case NULL -> "empty";
                case STRING -> "'" + s.text() + "'";
            };
        }
        return "a " + n.typeName();
    }
}
