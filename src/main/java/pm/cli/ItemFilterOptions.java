package pm.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import pm.config.Config;
import pm.io.InputException;
import pm.overdue.OverdueFilter;
import pm.parse.Schema;

/**
 * The filters {@code pm overdue} and {@code pm action list} share: --owner (through the team's {@code people:} map),
 * --severity, --priority and --service, declared once and turned into one {@link OverdueFilter}.
 */
final class ItemFilterOptions {
    @Option(names = "--owner", paramLabel = "NAME", description = "Only this owner's items (repeatable; '@' and "
            + "case ignored; a handle, name or e-mail listed under people: in .pm.yml finds all of that person's "
            + "items, and without that, 'sam' also finds 'Sam Okafor'). Lifecycle reminders belong to the "
            + "postmortem's authors.")
    List<String> owners = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "SEV", description = "Only postmortems of this severity "
            + "(repeatable).")
    List<String> severities = new ArrayList<>();

    @Option(names = "--priority", paramLabel = "P", description = "Only action items of this priority, P0-P3 "
            + "(repeatable).")
    List<String> priorities = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "Only postmortems about this service "
            + "(repeatable).")
    List<String> services = new ArrayList<>();

    /** The filter these options ask for; an unknown severity or priority is a usage error naming the allowed ones. */
    OverdueFilter filter(Config config, Integer dueWithin) throws InputException {
        List<String> prios = new ArrayList<>();
        for (String p : priorities) {
            prios.add(Schema.priority(p).orElseThrow(() -> new InputException("--priority '" + p + "' is not one of "
                    + String.join(", ", Schema.PRIORITIES))));
        }
        return new OverdueFilter(owners, Converters.severities(severities, config.schema()), prios, services,
                dueWithin).withPeople(config.directory());
    }
}
