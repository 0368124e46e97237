package pm.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pm.config.Config;
import pm.io.InputException;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.parse.Schema;
import pm.yaml.YamlNode;
import pm.yaml.YamlNode.Mapping;
import pm.yaml.YamlNode.Scalar;
import pm.yaml.YamlNode.Sequence;

/**
 * A repository's follow-up policies, in order: the first that covers an item sets its deadlines. From
 * {@code policies:} in {@code .pm.yml}; {@link #DEFAULTS} when the key is absent, none at all with
 * {@code policies: off}.
 *
 * <pre>
 * policies:
 *   - name: sev1
 *     when: {severity: SEV1, priority: [P0, P1]}
 *     within: 15          # days from the incident date to the due date
 *     start_within: 2     # days the item may stay open
 *   - name: P2
 *     when: {priority: P2}
 *     within: 30
 * </pre>
 *
 * The days count from the postmortem's incident date, its front matter {@code date}, as the lifecycle deadlines of
 * {@code pm overdue} do. A deadline day itself is allowed: an item due on it meets the policy, and an item is late
 * the day after.
 *
 * @param policies the policies in the order written; empty when switched off
 */
public record Policies(List<Policy> policies) {
    /** Days a deadline may be set at, at most: ten years, as {@code overdue:} allows. */
    public static final int MAX_DAYS = 3650;

    /** Without {@code policies:}: P0 within 7 days (started within 2), P1 14 (started within 7), P2 30, P3 90. */
    public static final Policies DEFAULTS = new Policies(List.of(
            Policy.forPriority("P0", 7, 2),
            Policy.forPriority("P1", 14, 7),
            Policy.forPriority("P2", 30, null),
            Policy.forPriority("P3", 90, null)));

    /** {@code policies: off}: no deadline beyond the items' own due dates. */
    public static final Policies OFF = new Policies(List.of());

    /** The keys of one policy. */
    public static final List<String> KEYS = List.of("name", "when", "within", "start_within");
    /** The conditions of {@code when}. */
    public static final List<String> CONDITIONS = List.of("severity", "priority", "service");

    public Policies {
        policies = List.copyOf(policies);
    }

    /** Whether any policy applies at all ({@code false} with {@code policies: off}). */
    public boolean on() {
        return !policies.isEmpty();
    }

    /** The first policy that covers an item of a postmortem, or {@code null}. */
    public Policy policyFor(ActionItem item, FrontMatter fm) {
        for (Policy p : policies) { // a loop: pm overdue asks for every open item
            if (p.covers(fm.severity(), item.priority(), fm.services())) {
                return p;
            }
        }
        return null;
    }

    /**
     * What the policies ask of an item: its latest due date and, for a policy with {@code start_within}, the last day
     * it may stay open. {@code null} when nothing is asked: the policies are off, the item has a {@link
     * ActionItem#waiver waiver}, the postmortem has no incident date, or no policy covers the item.
     */
    public Deadline deadlineFor(ActionItem item, FrontMatter fm) {
        if (policies.isEmpty() || item.waiver() != null || fm.date() == null) {
            return null;
        }
        Policy p = policyFor(item, fm);
        if (p == null) {
            return null;
        }
        return new Deadline(p, fm.date(), fm.date().plusDays(p.within()),
                p.startWithin() == null ? null : fm.date().plusDays(p.startWithin()));
    }

    /**
     * Reads {@code policies:} from a config, checked whole: every mistake is an {@link InputException} naming the
     * line of {@code .pm.yml}, what is wrong and what to write.
     */
    public static Policies from(Config config) throws InputException {
        YamlNode.Entry entry = config.raw() == null ? null : config.raw().entry("policies");
        if (entry == null) {
            return DEFAULTS;
        }
        YamlNode n = entry.value();
        if (n == null || n instanceof Scalar s && (s.isNull() || s.text().isBlank())) {
            return DEFAULTS; // "policies:" with every policy commented out, as pm init writes it
        }
        Path file = config.file();
        if (n instanceof Scalar s && (s.text().strip().equalsIgnoreCase("off")
                || s.text().strip().equalsIgnoreCase("false"))) {
            return OFF;
        }
        if (!(n instanceof Sequence seq)) {
            throw new InputException(file, n.line(), "policies must be a list of policies (- name: …, when: …, "
                    + "within: DAYS) or 'off', not " + shown(n));
        }
        return new Reader(file, config.schema()).read(seq);
    }

    /** Reads the list, remembering each policy's line for the messages about later ones. */
    private static final class Reader {
        private final Path file;
        private final Schema schema;
        private final Map<String, Integer> lineOfName = new HashMap<>();
        private final List<Policy> out = new ArrayList<>();
        private String coversAll; // the name of a policy that covers every item, once one is read
        private int coversAllLine;

        Reader(Path file, Schema schema) {
            this.file = file;
            this.schema = schema;
        }

        Policies read(Sequence seq) throws InputException {
            int index = 0;
            for (YamlNode item : seq.items()) {
                index++;
                out.add(policy(item, index));
            }
            return new Policies(out);
        }

        private Policy policy(YamlNode node, int index) throws InputException {
            if (!(node instanceof Mapping m)) {
                throw new InputException(file, node.line(), "policy " + index + " must be fields (name, when, "
                        + "within, start_within), not " + shown(node) + "; e.g. '- name: P1' then 'when: {priority: "
                        + "P1}' and 'within: 14'");
            }
            String name = name(m, index);
            String label = "policy '" + name + "'";
            for (YamlNode.Entry e : m.entries().values()) {
                if (!KEYS.contains(e.key())) {
                    throw new InputException(file, e.keyLine(), label + ": unknown setting '" + e.key() + "'; known: "
                            + String.join(", ", KEYS));
                }
            }
            if (coversAll != null) {
                throw new InputException(file, m.entry("name").keyLine(), label + " can never apply: policy '"
                        + coversAll + "' (line " + coversAllLine + ") comes first and covers every item; move "
                        + label + " above it, or give '" + coversAll + "' a 'when'");
            }
            List<String> severities = List.of();
            List<String> priorities = List.of();
            List<String> services = List.of();
            YamlNode when = m.get("when");
            if (when != null && !(when instanceof Scalar s && s.isNull())) {
                if (!(when instanceof Mapping w)) {
                    throw new InputException(file, when.line(), label + ": when must be conditions (severity, "
                            + "priority, service), not " + shown(when) + "; e.g. 'when: {severity: SEV1, priority: "
                            + "[P0, P1]}'");
                }
                for (YamlNode.Entry e : w.entries().values()) {
                    if (!CONDITIONS.contains(e.key())) {
                        throw new InputException(file, e.keyLine(), label + ": unknown condition 'when." + e.key()
                                + "'; use severity, priority or service");
                    }
                }
                severities = values(w, "severity", label, schema.severities(), schema::severity);
                priorities = values(w, "priority", label, Schema.PRIORITIES, Schema::priority);
                services = values(w, "service", label, null, null);
            }
            YamlNode within = m.get("within");
            if (within == null || within instanceof Scalar s && s.isNull()) {
                throw new InputException(file, m.entry("name").keyLine(), label + " has no within: add 'within: "
                        + "DAYS', the days from the incident date to the latest due date (e.g. 'within: 14')");
            }
            int days = days(within, label, "within", "the days from the incident date to the latest due date");
            YamlNode start = m.get("start_within");
            Integer startDays = start == null || start instanceof Scalar s && s.isNull() ? null
                    : days(start, label, "start_within", "the days an item may stay open");
            Policy p = new Policy(name, severities, priorities, services, days, startDays);
            if (p.coversEverything()) {
                coversAll = name;
                coversAllLine = m.entry("name").keyLine();
            }
            return p;
        }

        private String name(Mapping m, int index) throws InputException {
            YamlNode n = m.get("name");
            if (n == null || n instanceof Scalar s && (s.isNull() || s.text().isBlank())) {
                throw new InputException(file, m.line(), "policy " + index + " has no name: add 'name: …', which "
                        + "report rows and lint messages show (e.g. 'name: sev1-follow-ups')");
            }
            if (!(n instanceof Scalar s) || s.kind() != YamlNode.ScalarKind.STRING && s.kind()
                    != YamlNode.ScalarKind.INTEGER) {
                throw new InputException(file, n.line(), "policy " + index + ": name must be text, not " + shown(n));
            }
            String name = s.text().strip();
            Integer first = lineOfName.putIfAbsent(name.toLowerCase(Locale.ROOT), n.line());
            if (first != null) {
                throw new InputException(file, n.line(), "policy name '" + name + "' is used twice (first on line "
                        + first + "); give each policy its own name");
            }
            return name;
        }

        /**
         * A condition's values, a single value or a list; with {@code allowed}, each must be one of them (ignoring
         * case) and is kept as {@code lookup} spells it.
         */
        private List<String> values(Mapping when, String key, String label, List<String> allowed,
                java.util.function.Function<String, java.util.Optional<String>> lookup) throws InputException {
            YamlNode n = when.get(key);
            if (n == null || n instanceof Scalar s && s.isNull()) {
                return List.of();
            }
            List<YamlNode> items = n instanceof Sequence seq ? seq.items() : List.of(n);
            if (items.isEmpty()) {
                throw new InputException(file, n.line(), label + ": when." + key + " is empty; name at least one, "
                        + "or leave it out to cover every " + key);
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : items) {
                if (!(item instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
                    throw new InputException(file, item.line(), label + ": when." + key + " must be "
                            + (allowed == null ? "a service" : "one of " + String.join(", ", allowed)) + " or a list "
                            + "of them, not " + shown(item));
                }
                String text = s.text().strip();
                if (lookup == null) {
                    out.add(text);
                    continue;
                }
                String known = lookup.apply(text).orElseThrow(() -> new InputException(file, item.line(), label
                        + ": when." + key + " '" + text + "' is not one of " + String.join(", ", allowed)
                        + (key.equals("severity") ? " (the severities setting)" : "")));
                out.add(known);
            }
            return out;
        }

        private int days(YamlNode n, String label, String key, String meaning) throws InputException {
            if (n instanceof Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
                try {
                    int v = Integer.parseInt(s.text().strip());
                    if (v >= 0 && v <= MAX_DAYS) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
            }
            throw new InputException(file, n.line(), label + ": " + key + " must be a whole number of days from 0 "
                    + "to " + MAX_DAYS + ", " + meaning + ", not " + shown(n));
        }
    }

    /** "'-3'", "a list": a value as the messages show it. */
    private static String shown(YamlNode n) {
        return n instanceof Scalar s ? "'" + s.text().strip() + "'" : "a " + n.typeName();
    }
}
