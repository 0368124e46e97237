package pm.overdue;

import java.util.List;
import pm.config.Config;
import pm.io.InputException;
import pm.yaml.YamlNode;

/**
 * The postmortem lifecycle deadlines, in days after the incident date, from the {@code overdue:} section of
 * {@code .pm.yml}. The defaults follow common SRE practice.
 *
 * @param draftDays    a postmortem still {@code draft} after this many days is late
 * @param reviewDays   one not reviewed yet ({@code draft} or {@code in-review}, not {@code reviewed}) after this many
 *                     days is late
 * @param publishDays  one not {@code published} after this many days is late
 * @param followUpDays one this old with open action items needs its follow-up review
 */
public record OverdueSettings(int draftDays, int reviewDays, int publishDays, int followUpDays) {
    public static final OverdueSettings DEFAULTS = new OverdueSettings(2, 3, 7, 30);
    public static final List<String> KEYS = List.of("draft_days", "review_days", "publish_days", "follow_up_days");
    private static final int MAX_DAYS = 3650;

    /** The settings from a config's {@code overdue:} section; an unknown key or a bad value names its line. */
    public static OverdueSettings from(Config config) throws InputException {
        YamlNode.Mapping section = config.section("overdue");
        if (section == null) {
            return DEFAULTS;
        }
        for (YamlNode.Entry e : section.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new InputException(config.file(), e.keyLine(), "unknown setting 'overdue." + e.key()
                        + "'; known: " + String.join(", ", KEYS));
            }
        }
        return new OverdueSettings(
                days(config, section, "draft_days", DEFAULTS.draftDays),
                days(config, section, "review_days", DEFAULTS.reviewDays),
                days(config, section, "publish_days", DEFAULTS.publishDays),
                days(config, section, "follow_up_days", DEFAULTS.followUpDays));
    }

    private static int days(Config config, YamlNode.Mapping section, String key, int fallback)
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
        throw new InputException(config.file(), n.line(), "overdue." + key + " must be a whole number of days "
                + "from 0 to " + MAX_DAYS + ", not " + shown + " (default " + fallback + ")");
    }
}
