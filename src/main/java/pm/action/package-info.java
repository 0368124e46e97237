/**
 * {@code pm action}: every action item of a repository found by reference ({@code FILE#N}, {@code FILE#id}, a piece
 * of its title) and edited in place through {@link pm.edit.FrontMatterEditor}, the table written again from the front
 * matter, one lock per file so that edits at once all land ({@link pm.action.Actions}).
 */
package pm.action;
