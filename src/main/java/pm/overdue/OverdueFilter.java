package pm.overdue;

import java.util.List;
import java.util.Locale;

/**
 * Which rows to keep. Empty lists keep everything; values are matched ignoring case, and an owner also
 * ignoring a leading '@'. {@code dueWithin} also lists items due in the next that many days (null: none).
 */
public record OverdueFilter(List<String> owners, List<String> severities, List<String> priorities,
        List<String> services, Integer dueWithin) {
    public static final OverdueFilter NONE = new OverdueFilter(List.of(), List.of(), List.of(), List.of(), null);

    public OverdueFilter {
        owners = owners.stream().map(OverdueFilter::ownerKey).toList();
        severities = List.copyOf(severities);
        priorities = List.copyOf(priorities);
        services = List.copyOf(services);
    }

    /** How owners are compared: "@Maria" and "maria" are the same person. */
    public static String ownerKey(String owner) {
        String s = owner.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }

    public boolean keeps(OverdueItem item) {
        if (!owners.isEmpty() && item.owners().stream().map(OverdueFilter::ownerKey).noneMatch(owners::contains)) {
            return false;
        }
        if (!severities.isEmpty() && (item.severity() == null
                || severities.stream().noneMatch(item.severity()::equalsIgnoreCase))) {
            return false;
        }
        if (!priorities.isEmpty() && (item.priority() == null
                || priorities.stream().noneMatch(item.priority()::equalsIgnoreCase))) {
            return false;
        }
        return services.isEmpty() || item.services().stream().anyMatch(s -> services.stream()
                .anyMatch(s::equalsIgnoreCase));
    }
}
