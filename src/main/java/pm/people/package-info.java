/**
 * Who is who: the team's {@code people:} map in {@code .pm.yml}, which makes a handle, a name and an e-mail address
 * one person, so that {@code pm overdue} shows one group per person, {@code --owner} finds all of their items and
 * {@code pm new} writes the handle for the git identity. Never used to rank or count people.
 */
package pm.people;
