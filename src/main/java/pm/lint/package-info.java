/**
 * The lint engine: {@link pm.lint.LintRun} reads, parses, fixes and lints a listing of postmortems in order, or
 * one text as if it were a given file ({@code TextLint}: {@code pm lint --stdin}, the language server);
 * {@link pm.lint.Linter} runs the enabled {@link pm.lint.Rule}s over one parsed postmortem with a per-file
 * {@link pm.lint.LintContext} and applies {@code pm-disable} comments; {@link pm.lint.LintSettings} is the
 * {@code lint:} part of {@code .pm.yml}. It knows no rule by name: the rules are handed to it.
 */
package pm.lint;
