package pm.model;

import java.util.Arrays;

/**
 * Text a person wrote as prose (a paragraph, list item, heading or table cell), with code, link
 * targets, HTML and quotations left out, and a map from each character back to its offset in the file.
 *
 * <p>The map is kept as runs: stretches of the text whose characters stand one after another in the file (a
 * paragraph between its emphasis marks, links and line breaks), each with the file offset of its first character.
 */
public final class ProseBlock {

    public enum Kind { PARAGRAPH, HEADING, TABLE_CELL }

    private final String text;
    private final Kind kind;
    private final Section section;
    /** Where each run starts in {@link #text}, ascending, the first 0; and the file offset of that character. */
    private final int[] runStart;
    private final int[] runOffset;

    private ProseBlock(String text, int[] runStart, int[] runOffset, Kind kind, Section section) {
        this.text = text;
        this.runStart = runStart;
        this.runOffset = runOffset;
        this.kind = kind;
        this.section = section;
    }

    /**
     * @param text    the prose, code spans replaced by spaces
     * @param offsets {@code offsets[i]} is the file offset of {@code text.charAt(i)}
     * @param section the section it stands in, or {@code null} before the first heading
     */
    public ProseBlock(String text, int[] offsets, Kind kind, Section section) {
        this(text, Runs.of(offsets), kind, section);
    }

    private ProseBlock(String text, Runs runs, Kind kind, Section section) {
        this(text, runs.starts(), runs.offsets(), kind, section);
    }

    /** Prose whose {@code i}-th character is at file offset {@code first + i}, as most is. */
    public static ProseBlock contiguous(String text, int first, Kind kind, Section section) {
        return new ProseBlock(text, new int[] {0}, new int[] {first}, kind, section);
    }

    /** Prose whose characters are mapped by runs, as {@link Runs} collects them. */
    public static ProseBlock of(String text, Runs runs, Kind kind, Section section) {
        return new ProseBlock(text, runs, kind, section);
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
        int[] o = new int[text.length()];
        for (int i = 0; i < o.length; i++) {
            o[i] = sourceOffset(i);
        }
        return o;
    }

    /** File offset of a character of {@link #text()}; the end of the text maps past its last character. */
    public int sourceOffset(int index) {
        if (text.isEmpty()) {
            return 0;
        }
        if (index >= text.length()) {
            return sourceOffset(text.length() - 1) + 1;
        }
        int i = Math.max(0, index);
        int run = Arrays.binarySearch(runStart, i);
        if (run < 0) {
            run = -run - 2;
        }
        return runOffset[run] + (i - runStart[run]);
    }

    @Override
    public String toString() {
        return "ProseBlock[text=" + text + ", kind=" + kind + ", section=" + section + "]";
    }

    /**
     * Collects the map of a text being built: characters added one at a time or a stretch at a time, merged into
     * runs wherever a character stands right after the one before it.
     */
    public static final class Runs {
        private int[] starts = new int[8];
        private int[] offsets = new int[8];
        private int count;
        private int length;

        /** The next {@code n} characters of the text stand at file offsets {@code offset}, {@code offset + 1}, … */
        public void add(int offset, int n) {
            if (n <= 0) {
                return;
            }
            if (count == 0 || offsets[count - 1] + (length - starts[count - 1]) != offset) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    offsets = Arrays.copyOf(offsets, count * 2);
                }
                starts[count] = length;
                offsets[count] = offset;
                count++;
            }
            length += n;
        }

        /** The next character of the text stands at {@code offset}. */
        public void add(int offset) {
            add(offset, 1);
        }

        /** How many characters have been mapped. */
        public int length() {
            return length;
        }

        static Runs of(int[] perCharacter) {
            Runs r = new Runs();
            for (int o : perCharacter) {
                r.add(o);
            }
            return r;
        }

        int[] starts() {
            return count == 0 ? new int[] {0} : Arrays.copyOf(starts, count);
        }

        int[] offsets() {
            return count == 0 ? new int[] {0} : Arrays.copyOf(offsets, count);
        }
    }
}
