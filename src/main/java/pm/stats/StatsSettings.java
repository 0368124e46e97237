package pm.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import pm.config.Config;
import pm.io.InputException;
import pm.yaml.YamlNode;

/**
 * The {@code stats:} section of {@code .pm.yml}: which durations to measure, each a named pair of {@code incident}
 * timestamps, and how close two incidents on a service must be to count as a repeat.
 *
 * <pre>
 * stats:
 *   repeat_window_days: 90
 *   durations:
 *     detect: [started, detected]
 *     resolve: [started, resolved]
 * </pre>
 *
 * @param durations        the durations in the order written; {@code durations:} replaces the defaults whole
 * @param repeatWindowDays an incident on a service with another within this many days before it is a repeat
 * @param optional         names of durations shown only when some postmortem has both timestamps (the defaults'
 *                         acknowledge and mitigate); a configured one is always shown
 */
public record StatsSettings(List<Duration> durations, int repeatWindowDays, List<String> optional) {
    /** A duration: from one incident timestamp to another ({@code incident.<from>} to {@code incident.<to>}). */
    public record Duration(String name, String from, String to) {
    }

    public static final List<String> KEYS = List.of("durations", "repeat_window_days");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    /** Time to detect and resolve as FireHydrant and Rootly count them; acknowledge and mitigate when written. */
    public static final StatsSettings DEFAULTS = new StatsSettings(List.of(
            new Duration("detect", "started", "detected"),
            new Duration("acknowledge", "detected", "acknowledged"),
            new Duration("mitigate", "started", "mitigated"),
            new Duration("resolve", "started", "resolved")), 90, List.of("acknowledge", "mitigate"));

    public StatsSettings {
        durations = List.copyOf(durations);
        optional = List.copyOf(optional);
    }

    /** The settings of a config; an unknown key or a bad value names its line. */
    public static StatsSettings from(Config config) throws InputException {
        YamlNode.Mapping section = config.section("stats");
        if (section == null) {
            return DEFAULTS;
        }
        for (YamlNode.Entry e : section.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new InputException(config.file(), e.keyLine(), "unknown setting 'stats." + e.key() + "'; known: "
                        + String.join(", ", KEYS));
            }
        }
        int window = DEFAULTS.repeatWindowDays;
        YamlNode w = section.get("repeat_window_days");
        if (w != null && !(w instanceof YamlNode.Scalar s && s.isNull())) {
            window = -1;
            if (w instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
                try {
                    window = Integer.parseInt(s.text().strip());
                } catch (NumberFormatException e) {
                    window = -1;
                }
            }
            if (window < 1 || window > 3650) {
                throw new InputException(config.file(), w.line(), "stats.repeat_window_days must be a whole number of "
                        + "days from 1 to 3650 (default 90)");
            }
        }
        YamlNode d = section.get("durations");
        if (d == null || d instanceof YamlNode.Scalar s && s.isNull()) {
            return new StatsSettings(DEFAULTS.durations, window, DEFAULTS.optional);
        }
        if (!(d instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
            throw new InputException(config.file(), d.line(), "stats.durations must name each duration with its two "
                    + "incident timestamps, e.g. 'detect: [started, detected]'");
        }
        Map<String, Duration> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String shape = "stats.durations." + e.key() + " must be [from, to], two incident timestamps such as "
                    + "[started, resolved]";
            if (!NAME.matcher(e.key()).matches()) {
                throw new InputException(config.file(), e.keyLine(), "stats.durations: '" + e.key() + "' is not a "
                        + "name; use letters, digits, '-' and '_' (e.g. detect)");
            }
            List<String> pair = Config.strings(config.file(), m, e.key(), List.of());
            if (pair.size() != 2 || !NAME.matcher(pair.get(0)).matches() || !NAME.matcher(pair.get(1)).matches()
                    || pair.get(0).equals(pair.get(1))) {
                throw new InputException(config.file(), e.keyLine(), shape);
            }
            out.put(e.key(), new Duration(e.key(), pair.get(0), pair.get(1)));
        }
        return new StatsSettings(new ArrayList<>(out.values()), window, List.of());
    }
}
