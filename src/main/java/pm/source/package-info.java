/**
 * Where postmortems come from: {@link pm.source.Sources} lists named {@link pm.source.Input}s from folders on disk,
 * what is staged, what git tracks and what a revision holds; {@link pm.source.Names} is the one rule for how a
 * file is named in output; {@link pm.source.ReadAhead} reads a folder while git is asked which files count.
 */
package pm.source;
