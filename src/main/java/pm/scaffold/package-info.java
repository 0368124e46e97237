/** {@code pm new}: templates, built-in and the repository's own, rendered into a new postmortem. */
package pm.scaffold;
