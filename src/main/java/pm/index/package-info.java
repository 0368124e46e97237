/**
 * {@code pm index}: a Markdown table of the postmortems, written between two marker comments of a file the team
 * owns. In the order the data flows: {@link pm.index.IndexSettings} ({@code index:} in .pm.yml),
 * {@link pm.index.Entry} (one postmortem as a row: its front matter, its action items done, its overdue count from
 * {@link pm.overdue.OverdueCollector}), {@link pm.index.Entries} (a listing read into rows, newest first),
 * {@link pm.index.Table} (the rows as Markdown, every cell escaped), {@link pm.index.IndexFile} (the markers found,
 * the block replaced byte-for-byte around it, what {@code --check} compares and prints).
 */
package pm.index;
