/**
 * Text edits of a postmortem that keep every other byte: {@link pm.edit.FrontMatterEditor} sets fields of the front
 * matter's action items and appends new ones, verified by reading the result again. {@code pm lint --fix} and
 * {@code pm action} both write through it.
 */
package pm.edit;
