package pm.model;

/**
 * Text a person wrote as prose (a paragraph, list item, heading or table cell), with code, link
 * targets, HTML and quotations left out, and a map from each character back to its offset in the file.
 *
 * @param text    the prose, code spans replaced by spaces
 * @param offsets {@code offsets[i]} is the file offset of {@code text.charAt(i)}
 * @param section the section it stands in, or {@code null} before the first heading
 */
public record ProseBlock(String text, int[] offsets, Kind kind, Section section) {

    public enum Kind { PARAGRAPH, HEADING, TABLE_CELL }

    /** File offset of a character of {@link #text()}; the end of the text maps past its last character. */
    public int sourceOffset(int index) {
        if (offsets.length == 0) {
            return 0;
        }
        if (index >= offsets.length) {
            return offsets[offsets.length - 1] + 1;
        }
        return offsets[Math.max(0, index)];
    }
}
