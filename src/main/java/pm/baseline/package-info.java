/**
 * Bulk suppressions, the way ESLint's {@code --suppress-all}, detekt's baseline and RuboCop's todo file do it: the
 * findings an existing archive already has are written to a committed file ({@code .pm-suppressions.json}), and
 * later runs report only findings beyond them. Keyed by file, rule and a fingerprint of what was found, never by
 * line, so an edit elsewhere in a file does not bring a finding back and a new one is always reported.
 */
package pm.baseline;
