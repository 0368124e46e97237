package pm.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pm.overdue.Kind;
import pm.overdue.OverdueFilter;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

/** Wording and grouping shared by the human-readable overdue formats (table and Markdown). */
final class OverdueText {
    static final String NO_OWNER_LABEL = "(no owner)";

    private OverdueText() {
    }

    /** "12" days late, "today", or "in 3" days. */
    static String late(OverdueItem i) {
        if (i.daysOverdue() == null) {
            return "";
        }
        long d = i.daysOverdue();
        return d > 0 ? Long.toString(d) : d == 0 ? "today" : "in " + -d;
    }

    static String orDash(Object o) {
        return o == null || o.toString().isBlank() ? "-" : o.toString();
    }

    static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    /** Overdue and due-soon rows grouped by owner; groups with the most overdue row first. */
    static Map<String, List<OverdueItem>> byOwner(OverdueReport report) {
        Map<String, List<OverdueItem>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> latest = new HashMap<>(); // per group, its most days late
        Map<String, String> keyOf = new HashMap<>(); // the same few owners on thousands of rows
        for (OverdueItem i : report.items()) {
            group(i, groups, labels, latest, keyOf);
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((a, b) -> {
            int c = Long.compare(latest.get(b), latest.get(a));
            return c != 0 ? c : labels.get(a).compareToIgnoreCase(labels.get(b));
        });
        Map<String, List<OverdueItem>> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(labels.get(k), groups.get(k));
        }
        return out;
    }

    /** Files one row in its owner's group: a method, so the JIT compiler takes it (see OverdueReport.tally). */
    private static void group(OverdueItem i, Map<String, List<OverdueItem>> groups, Map<String, String> labels,
            Map<String, Long> latest, Map<String, String> keyOf) {
        if (i.kind().dated()) {
            String key = i.owner() == null ? "" : keyOf.computeIfAbsent(i.owner(), OverdueFilter::ownerKey);
            labels.putIfAbsent(key, i.owner() == null ? NO_OWNER_LABEL : i.owner());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            latest.merge(key, i.lateness(), Math::max);
        }
    }

    /**
     * "5 overdue (4 action items, 1 lifecycle) · 2 due within 7 days · 1 without an owner · …"; the rows a policy made
     * late are counted after lifecycle when there are any ("…, 1 lifecycle, 2 policy deadlines, 1 not started)").
     */
    static String totals(OverdueReport r, OverdueReport.Tally t) {
        List<String> parts = new ArrayList<>();
        long policy = t.overdueCount(Kind.POLICY);
        long notStarted = t.overdueCount(Kind.NOT_STARTED);
        parts.add(t.overdue() + " overdue (" + plural(t.overdueCount(Kind.ACTION_ITEM), "action item") + ", "
                + t.overdueCount(Kind.LIFECYCLE) + " lifecycle" + (policy > 0 ? ", " + plural(policy,
                        "policy deadline") : "") + (notStarted > 0 ? ", " + notStarted + " not started" : "") + ")");
        if (r.dueWithin() != null) {
            parts.add(t.upcoming() + " due within " + plural(r.dueWithin(), "day"));
        }
        parts.add(t.count(Kind.NO_OWNER) + " without an owner");
        parts.add(t.count(Kind.NO_DUE_DATE) + " without a due date");
        return String.join(" · ", parts);
    }

    /** The aging buckets: "1–7 days: 3 · 8–30 days: 1 · …". */
    static String aging(OverdueReport.Tally t) {
        int[] b = t.aging();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            parts.add(OverdueReport.BUCKETS.get(i) + " days: " + b[i]);
        }
        return String.join(" · ", parts);
    }

    /** "Read 12 postmortems, skipped 1 (named on stderr)." and the undated count when there are any. */
    static String files(OverdueReport r) {
        String s = "Read " + plural(r.read(), "postmortem") + ", skipped " + r.skipped().size()
                + (r.skipped().isEmpty() ? "." : " (named on stderr).");
        if (!r.undated().isEmpty()) {
            s += " " + plural(r.undated().size(), "postmortem") + " without an incident date could not be aged "
                    + "(named on stderr).";
        }
        for (String note : r.notes()) {
            s += "\n" + note + ".";
        }
        return s;
    }

    /**
     * What a dated row is about: its title, and for a row a policy made late, why (the policy and what it asks),
     * as "Load test — no due date; policy 'P1' gives 14 days from the incident". {@code title} is the title as the
     * format shows it, {@code note} turns the note into the format's text.
     */
    static String what(OverdueItem i, String title, java.util.function.UnaryOperator<String> note) {
        return i.policy() == null || i.note() == null ? title : title + " — " + note.apply(i.note());
    }

    /** Shortens text to {@code max} characters with an ellipsis. */
    static String clip(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /** User text for a person: stripped, then one line with its control characters shown as escapes. */
    static String oneLine(String s) {
        return s == null ? null : Visible.of(s.strip());
    }
}
