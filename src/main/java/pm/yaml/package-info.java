/**
 * A YAML reader that keeps positions and reads plain data only.
 *
 * <p>Fast path: {@code SimpleYaml} reads the plain YAML front matter uses (block mappings and sequences,
 * one-line flow collections of scalars, one-line scalars, comments) without Jackson. It mirrors the tree Jackson gives: {@link pm.yaml.YamlReader} is the facade,
 * SimpleYaml is package-private and declines ({@code null}) anything else, which goes to Jackson, and
 * {@code SimpleYamlTest} compares the two trees.
 */
package pm.yaml;
