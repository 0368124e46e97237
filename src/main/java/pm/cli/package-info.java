/**
 * The commands: one class per subcommand ({@code new}, {@code init}, {@code lint}, {@code overdue}, {@code action},
 * {@code stats}, {@code index}, {@code hook}, {@code lsp}, {@code completion}), each its options and a call into the packages that do
 * the work; {@link pm.cli.Commands}
 * wires them to picocli, {@link pm.cli.Context} is what they run against.
 */
package pm.cli;
