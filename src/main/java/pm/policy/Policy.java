package pm.policy;

import java.util.List;

/**
 * One follow-up policy: which action items it covers ({@code when}) and how long they may take. A condition left
 * out covers every value; the conditions written must all hold.
 *
 * @param name        names the policy in lint messages and report rows
 * @param severities  the postmortem severities it covers, as {@code severities} spells them; empty: any
 * @param priorities  the item priorities it covers (P0–P3); empty: any, and items without a priority too
 * @param services    the services it covers, any of the postmortem's {@code services} (case ignored); empty: any
 * @param within      days from the incident date to the latest due date
 * @param startWithin days from the incident date an item may stay {@code open}, or {@code null}: no start deadline
 */
public record Policy(String name, List<String> severities, List<String> priorities, List<String> services,
        int within, Integer startWithin) {

    public Policy {
        severities = List.copyOf(severities);
        priorities = List.copyOf(priorities);
        services = List.copyOf(services);
    }

    /** A policy for the items of one priority, whatever the postmortem. */
    static Policy forPriority(String priority, int within, Integer startWithin) {
        return new Policy(priority, List.of(), List.of(priority), List.of(), within, startWithin);
    }

    /** Whether it covers every item: a policy written after it can never apply. */
    public boolean coversEverything() {
        return severities.isEmpty() && priorities.isEmpty() && services.isEmpty();
    }

    /**
     * Whether it covers an item of this priority in a postmortem of this severity and these services. Loops, not
     * streams: {@code pm overdue} asks for every open item of every postmortem.
     */
    public boolean covers(String severity, String priority, List<String> itemServices) {
        return (severities.isEmpty() || oneOf(severity, severities))
                && (priorities.isEmpty() || oneOf(priority, priorities))
                && (services.isEmpty() || anyOf(itemServices));
    }

    private static boolean oneOf(String value, List<String> values) {
        if (value == null) {
            return false;
        }
        for (String v : values) {
            if (v.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyOf(List<String> itemServices) {
        for (String s : itemServices) {
            if (oneOf(s, services)) {
                return true;
            }
        }
        return false;
    }
}
