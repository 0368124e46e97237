package pm.overdue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pm.config.Config;
import pm.io.InputException;
import pm.yaml.YamlNode;

/**
 * The postmortem lifecycle deadlines, in days after the incident date, from the {@code overdue:} section of
 * {@code .pm.yml}. The defaults follow common SRE practice. {@code by_severity} sets other deadlines for the
 * postmortems of a severity (PagerDuty: a Sev-1 postmortem within 3 days); a deadline it leaves out is the one above.
 *
 * <pre>
 * overdue:
 *   publish_days: 7
 *   by_severity:
 *     SEV1: {review_days: 2, publish_days: 3}
 * </pre>
 *
 * @param draftDays    a postmortem still {@code draft} after this many days is late
 * @param reviewDays   one not reviewed yet ({@code draft} or {@code in-review}, not {@code reviewed}) after this many
 *                     days is late
 * @param publishDays  one not {@code published} after this many days is late
 * @param followUpDays one this old with open action items needs its follow-up review
 * @param bySeverity   the deadlines of the postmortems of a severity (spelled as {@code severities} spells it), where
 *                     they differ
 */
public record OverdueSettings(int draftDays, int reviewDays, int publishDays, int followUpDays,
        Map<String, OverdueSettings> bySeverity) {
    public static final OverdueSettings DEFAULTS = new OverdueSettings(2, 3, 7, 30);
    /** The deadlines, each a number of days. */
    public static final List<String> DAY_KEYS = List.of("draft_days", "review_days", "publish_days",
            "follow_up_days");
    /** Every key of {@code overdue:}. */
    public static final List<String> KEYS = List.of("draft_days", "review_days", "publish_days", "follow_up_days",
            "by_severity");
    private static final int MAX_DAYS = 3650;

    public OverdueSettings {
        bySeverity = Map.copyOf(bySeverity);
    }

    /** The same deadlines for every severity. */
    public OverdueSettings(int draftDays, int reviewDays, int publishDays, int followUpDays) {
        this(draftDays, reviewDays, publishDays, followUpDays, Map.of());
    }

    /** The deadlines of a postmortem of this severity ({@code null}: none written): its own, or these. */
    public OverdueSettings forSeverity(String severity) {
        if (severity == null || bySeverity.isEmpty()) {
            return this;
        }
        OverdueSettings own = bySeverity.get(severity);
        return own == null ? this : own;
    }

    /** The settings from a config's {@code overdue:} section; an unknown key or a bad value names its line. */
    public static OverdueSettings from(Config config) throws InputException {
        YamlNode.Mapping section = config.section("overdue");
        if (section == null) {
            return DEFAULTS;
        }
        OverdueSettings base = read(config, section, "overdue.", DEFAULTS, KEYS);
        YamlNode by = section.get("by_severity");
        if (by == null || by instanceof YamlNode.Scalar s && s.isNull()) {
            return base;
        }
        if (!(by instanceof YamlNode.Mapping severities)) {
            throw new InputException(config.file(), by.line(), "overdue.by_severity must map a severity to its own "
                    + "deadlines, e.g. 'SEV1: {publish_days: 3}'");
        }
        Map<String, OverdueSettings> own = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (YamlNode.Entry e : severities.entries().values()) {
            String severity = config.schema().severity(e.key()).orElseThrow(() -> new InputException(config.file(),
                    e.keyLine(), "overdue.by_severity: '" + e.key() + "' is not one of " + String.join(", ",
                            config.schema().severities()) + " (the severities setting)"));
            Integer first = lineOf.putIfAbsent(severity, e.keyLine());
            if (first != null) {
                throw new InputException(config.file(), e.keyLine(), "overdue.by_severity: '" + e.key() + "' is "
                        + severity + " again (first on line " + first + "); write each severity once");
            }
            String prefix = "overdue.by_severity." + e.key() + ".";
            if (!(e.value() instanceof YamlNode.Mapping m)) {
                throw new InputException(config.file(), e.value() == null ? e.keyLine() : e.value().line(),
                        prefix.substring(0, prefix.length() - 1) + " must be deadlines (" + String.join(", ", DAY_KEYS)
                                + "), e.g. '" + e.key() + ": {publish_days: 3}'");
            }
            own.put(severity, read(config, m, prefix, base, DAY_KEYS));
        }
        return new OverdueSettings(base.draftDays, base.reviewDays, base.publishDays, base.followUpDays, own);
    }

    /** The four deadlines of a group of settings, each {@code fallback}'s where it is not written. */
    private static OverdueSettings read(Config config, YamlNode.Mapping section, String prefix,
            OverdueSettings fallback, List<String> known) throws InputException {
        for (YamlNode.Entry e : section.entries().values()) {
            if (!known.contains(e.key())) {
                throw new InputException(config.file(), e.keyLine(), "unknown setting '" + prefix + e.key()
                        + "'; known: " + String.join(", ", known));
            }
        }
        return new OverdueSettings(
                days(config, section, prefix, "draft_days", fallback.draftDays),
                days(config, section, prefix, "review_days", fallback.reviewDays),
                days(config, section, prefix, "publish_days", fallback.publishDays),
                days(config, section, prefix, "follow_up_days", fallback.followUpDays));
    }

    private static int days(Config config, YamlNode.Mapping section, String prefix, String key, int fallback)
            throws InputException {
        YamlNode n = section.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.isNull()) {
            return fallback;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            try {
                int v = Integer.parseInt(s.text().strip());
                if (v >= 0 && v <= MAX_DAYS) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        String shown = n instanceof YamlNode.Scalar s ? "'" + s.text().strip() + "'" : "a " + n.typeName();
        throw new InputException(config.file(), n.line(), prefix + key + " must be a whole number of days "
                + "from 0 to " + MAX_DAYS + ", not " + shown + " (default " + fallback + ")");
    }
}
