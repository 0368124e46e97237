/** {@code pm overdue}: the late follow-ups of a listing of postmortems, from their front matter, as report rows. */
package pm.overdue;
