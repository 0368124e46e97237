/**
 * The language checks, independent of Markdown: {@link pm.language.BlameDetector} finds text that blames a person,
 * {@link pm.language.VagueActionDetector} action items without a checkable end state.
 *
 * <p>Fast path: {@link pm.language.Prefilter} finds, in one pass over a paragraph, where the words each blame
 * pattern needs occur, so a pattern runs only where all of them do. It mirrors running every pattern: a
 * pattern it skips could not have matched, which {@code PrefilterTest} checks on generated text.
 */
package pm.language;
