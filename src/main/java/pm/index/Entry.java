package pm.index;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the index: a postmortem as its front matter gives it, or a file that could not be read.
 *
 * @param link      the path from the index file's folder to the postmortem, with '/' (not yet URL-encoded); rows
 *                  with equal dates are ordered by it
 * @param title     the title, or the file's name when it has none; {@code null} for an unreadable file
 * @param date      the incident date, or null
 * @param severity  the severity as written, or null
 * @param services  the services
 * @param status    the status as written, or null
 * @param done      action items done or won't do, of the front matter's list
 * @param total     action items in the front matter
 * @param overdue   what {@code pm overdue} counts as overdue for this postmortem as of the index's day
 * @param problem   why the file could not be read ({@code file:line: reason}), or null
 */
public record Entry(String link, String title, LocalDate date, String severity, List<String> services,
        String status, int done, int total, int overdue, String problem) {

    public Entry {
        services = List.copyOf(services);
    }

    /** A file that could not be read, listed so that the index does not hide it. */
    public static Entry unreadable(String link, String problem) {
        return new Entry(link, null, null, null, List.of(), null, 0, 0, 0, problem);
    }

    public boolean readable() {
        return problem == null;
    }
}
