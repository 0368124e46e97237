package pm.overdue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import pm.people.People;

/**
 * Which rows to keep. Empty lists keep everything; values are matched ignoring case, and an owner also
 * ignoring a leading '@' and through the team's {@code people} map ("--owner sam" finds items owned by "Sam Okafor"
 * when the map says they are @sam; without the map, by first name). {@code dueWithin} also lists items due in the
 * next that many days (null: none).
 */
public record OverdueFilter(List<String> owners, List<String> severities, List<String> priorities,
        List<String> services, Integer dueWithin, People people) {
    public static final OverdueFilter NONE = new OverdueFilter(List.of(), List.of(), List.of(), List.of(), null);

    public OverdueFilter(List<String> owners, List<String> severities, List<String> priorities, List<String> services,
            Integer dueWithin) {
        this(owners, severities, priorities, services, dueWithin, People.NONE);
    }

    /** This filter, with owners compared through the team's people map. */
    public OverdueFilter withPeople(People map) {
        return new OverdueFilter(owners, severities, priorities, services, dueWithin, map);
    }

    public OverdueFilter {
        owners = owners.stream().map(OverdueFilter::ownerKey).toList();
        severities = List.copyOf(severities);
        priorities = List.copyOf(priorities);
        services = List.copyOf(services);
        people = people == null ? People.NONE : people;
    }

    /** How owners are compared: "@Maria" and "maria" are the same person. */
    public static String ownerKey(String owner) {
        String s = owner.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }

    public boolean keeps(OverdueItem item) {
        if (!owners.isEmpty() && !ownedByOneOf(item)) {
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

    private boolean ownedByOneOf(OverdueItem item) {
        for (String owner : item.owners()) {
            for (String query : owners) {
                if (people.matches(query, owner) != People.Match.NONE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What the report footer says about owners {@code --owner} matched by first name only ("--owner sam also matched
     * Sam Okafor by first name"), so nobody is surprised by a row and the team knows the map would make it exact.
     */
    public List<String> firstNameNotes(List<OverdueItem> rows) {
        List<String> notes = new ArrayList<>();
        for (String query : owners) {
            Set<String> matched = new LinkedHashSet<>();
            for (OverdueItem row : rows) {
                for (String owner : row.owners()) {
                    if (people.matches(query, owner) == People.Match.FIRST_NAME) {
                        matched.add(owner.strip());
                    }
                }
            }
            if (!matched.isEmpty()) {
                notes.add("--owner " + query + " also matched " + String.join(", ", matched) + " by first name; "
                        + "to make it exact, map each person in .pm.yml (people: {" + query + ": [Full Name]})");
            }
        }
        return notes;
    }
}
