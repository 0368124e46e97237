/** A repository's {@code .pm.yml}: found, read and validated, with its defaults. */
package pm.config;
