package pm.model;

/**
 * Text a person wrote as prose (a paragraph, list item, heading or table cell), with code, link
 * targets, HTML and quotations left out, and a map from each character back to its offset in the file.
 */
public final class ProseBlock {

    public enum Kind { PARAGRAPH, HEADING, TABLE_CELL }

    private final String text;
    private final Kind kind;
    private final Section section;
    /** {@code offsets[i]} is the file offset of {@code text.charAt(i)}; null when {@link #first} says it all. */
    private final int[] offsets;
    /** The file offset of the first character when the text is one unbroken stretch of the file. */
    private final int first;

    /**
     * @param text    the prose, code spans replaced by spaces
     * @param offsets {@code offsets[i]} is the file offset of {@code text.charAt(i)}
     * @param section the section it stands in, or {@code null} before the first heading
     */
    public ProseBlock(String text, int[] offsets, Kind kind, Section section) {
        this.text = text;
        this.offsets = offsets;
        this.kind = kind;
        this.section = section;
        this.first = -1;
    }

    private ProseBlock(String text, int first, Kind kind, Section section) {
        this.text = text;
        this.offsets = null;
        this.first = first;
        this.kind = kind;
        this.section = section;
    }

    /** Prose whose {@code i}-th character is at file offset {@code first + i}, as most is. */
    public static ProseBlock contiguous(String text, int first, Kind kind, Section section) {
        return new ProseBlock(text, first, kind, section);
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** The section it stands in, or {@code null} before the first heading. */
    public Section section() {
        return section;
    }

    /** The file offset of each character of {@link #text()}. */
    public int[] offsets() {
        if (offsets != null) {
            return offsets.clone();
        }
        int[] o = new int[text.length()];
        for (int i = 0; i < o.length; i++) {
            o[i] = first + i;
        }
        return o;
    }

    /** File offset of a character of {@link #text()}; the end of the text maps past its last character. */
    public int sourceOffset(int index) {
        if (offsets == null) {
            return text.isEmpty() ? 0 : first + Math.max(0, Math.min(index, text.length()));
        }
        if (offsets.length == 0) {
            return 0;
        }
        if (index >= offsets.length) {
            return offsets[offsets.length - 1] + 1;
        }
        return offsets[Math.max(0, index)];
    }

    @Override
    public String toString() {
        return "ProseBlock[text=" + text + ", kind=" + kind + ", section=" + section + "]";
    }
}
