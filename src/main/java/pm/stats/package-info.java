/**
 * {@code pm stats}: whether the team is getting better, from the postmortems and their git history. In the order
 * the data flows: {@link pm.stats.StatsSettings} ({@code stats:} in .pm.yml), {@link pm.stats.Incident} (one
 * postmortem's front matter as the metrics read it), {@link pm.stats.History} (lifecycle and close dates from one
 * walk of the git history), {@link pm.stats.Metrics} (each metric a small function), {@link pm.stats.Stats}
 * (periods and evidence), {@link pm.stats.StatsWriter} (table, Markdown, JSON, CSV, and {@code --explain}).
 * Nothing here groups, ranks or counts by person.
 */
package pm.stats;
