package pm.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pm.io.InputException;

/**
 * The index file as it is: its text (a byte-order mark and the line endings kept), and where its block between
 * the {@link Table#START} and {@link Table#END} markers is. A marker counts on a line of its own (spaces around it
 * allowed); the text before and after the block is never changed.
 *
 * @param path   the file
 * @param exists whether the file is there
 * @param bom    whether it starts with a UTF-8 byte-order mark
 * @param text   its text, after the mark
 * @param eol    its line ending ("\r\n" when its first line ends so), for the lines pm writes
 * @param from   where the start marker's line starts, or -1 when there are no markers
 * @param to     where the end marker's line ends (before its line break), or -1
 */
public record IndexFile(Path path, boolean exists, boolean bom, String text, String eol, int from, int to) {
    /** The heading of an index file pm creates. */
    static final String HEADING = "# Postmortems";

    /** Reads the index file; a missing one is empty. Markers twice, or the end before the start: one line of why. */
    public static IndexFile read(Path path) throws InputException {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(path, 0, "is a folder; name the index file (a .md file) with --out or "
                        + "index.file in .pm.yml");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new IndexFile(path, false, false, "", "\n", -1, -1);
        } catch (IOException e) {
            throw new InputException(path, 0, "cannot be read: " + e.getMessage());
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(path, 0, "is not UTF-8 text, and pm index rewrites only UTF-8; save it as "
                    + "UTF-8, or write the index elsewhere with --out");
        }
        int nl = text.indexOf('\n');
        String eol = nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
        int startLine = 0;
        int endLine = 0;
        int from = -1;
        int to = -1;
        int line = 0;
        for (int at = 0; at < text.length() || at == 0; ) {
            line++;
            int next = text.indexOf('\n', at);
            int end = next < 0 ? text.length() : next;
            int content = end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String s = text.substring(at, content).strip();
            if (s.equals(Table.START)) {
                if (startLine > 0) {
                    throw twice(path, line, Table.START, startLine);
                }
                startLine = line;
                from = at;
            } else if (s.equals(Table.END)) {
                if (endLine > 0) {
                    throw twice(path, line, Table.END, endLine);
                }
                if (startLine == 0) {
                    throw new InputException(path, line, "'" + Table.END + "' comes before '" + Table.START
                            + "'; put the start marker before the end marker (or remove both to have pm index add "
                            + "them at the end)");
                }
                endLine = line;
                to = content;
            }
            if (next < 0) {
                break;
            }
            at = next + 1;
        }
        if (startLine > 0 && endLine == 0) {
            throw new InputException(path, startLine, "has '" + Table.START + "' but no '" + Table.END
                    + "'; add the end marker after the index, or remove the start marker to have pm index add both");
        }
        return new IndexFile(path, true, bom, text, eol, from, to);
    }

    private static InputException twice(Path path, int line, String marker, int first) {
        return new InputException(path, line, "a second '" + marker + "' (the first is on line " + first
                + "); keep one start and one end marker, and pm index rewrites what is between them");
    }

    /** Whether the file has the markers. */
    public boolean hasBlock() {
        return from >= 0;
    }

    /** The lines of the block, markers included; none without markers. */
    public List<String> blockLines() {
        List<String> out = new ArrayList<>();
        if (!hasBlock()) {
            return out;
        }
        for (String l : text.substring(from, to).split("\n", -1)) {
            out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        // the markers as pm writes them, whatever spaces they have around them
        out.set(0, out.get(0).strip());
        out.set(out.size() - 1, out.get(out.size() - 1).strip());
        return out;
    }

    /**
     * The whole file with {@code block} (markers included) in place of the old block: the text around it as it
     * was; without markers, appended after a blank line; a new file gets a heading first.
     */
    public byte[] with(List<String> block) {
        String lines = String.join(eol, block);
        String out;
        if (hasBlock()) {
            out = text.substring(0, from) + lines + text.substring(to);
        } else if (!exists || text.isEmpty()) {
            out = HEADING + eol + eol + lines + eol;
        } else {
            String sep = text.endsWith("\n") ? "" : eol;
            if (!text.isBlank()) {
                sep += eol;
            }
            out = text + sep + lines + eol;
        }
        return bom ? ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8) : out.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes the file has now (empty when it does not exist). */
    public byte[] bytes() {
        if (!exists) {
            return new byte[0];
        }
        return (bom ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What would change in the block, as {@code --check} prints it: the lines only the old block has ("-") and
     * only the new one has ("+"), compared {@link Table#dateFree}; at most {@code max} of them. Empty when
     * nothing but the overdue counts would change.
     */
    public static List<String> diff(List<String> old, List<String> now, int max) {
        int a = 0;
        while (a < old.size() && a < now.size() && same(old.get(a), now.get(a))) {
            a++;
        }
        int b = 0;
        while (b < old.size() - a && b < now.size() - a
                && same(old.get(old.size() - 1 - b), now.get(now.size() - 1 - b))) {
            b++;
        }
        List<String> was = old.subList(a, old.size() - b);
        List<String> is = now.subList(a, now.size() - b);
        Map<String, Integer> inNow = count(is);
        Map<String, Integer> inOld = count(was);
        List<String> out = new ArrayList<>();
        int more = 0;
        for (String l : was) {
            if (take(inNow, Table.dateFree(l))) {
                continue;
            }
            if (out.size() < max) {
                out.add("-" + l);
            } else {
                more++;
            }
        }
        for (String l : is) {
            if (take(inOld, Table.dateFree(l))) {
                continue;
            }
            if (out.size() < max) {
                out.add("+" + l);
            } else {
                more++;
            }
        }
        if (more > 0) {
            out.add("… and " + more + " more changed " + (more == 1 ? "line" : "lines"));
        }
        return out;
    }

    private static boolean same(String x, String y) {
        return x.equals(y) || Table.dateFree(x).equals(Table.dateFree(y));
    }

    private static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) {
            m.merge(Table.dateFree(l), 1, Integer::sum);
        }
        return m;
    }

    private static boolean take(Map<String, Integer> m, String key) {
        Integer n = m.get(key);
        if (n == null || n == 0) {
            return false;
        }
        m.put(key, n - 1);
        return true;
    }
}
