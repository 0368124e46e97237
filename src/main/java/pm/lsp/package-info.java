/**
 * {@code pm lsp}: a Language Server over standard input and output (Eclipse LSP4J). It lints the postmortems an
 * editor has open, from the text being typed, as {@code pm lint} would lint them at their paths, publishes the
 * findings as diagnostics, and offers {@code --fix}'s Action items table sync as a quick fix.
 * {@link pm.lsp.LspServer#serve} is the one entry: nothing else of pm loads this package or LSP4J, so no other
 * command pays for them at start-up.
 */
package pm.lsp;
