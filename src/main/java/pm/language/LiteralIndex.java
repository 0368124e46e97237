package pm.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import pm.io.AtomicFiles;
import pm.io.InputException;

/**
 * The strings each built-in pattern requires ({@link Literals#requiredAll}), worked out when pm is built
 * (the build runs {@link #main} after compiling) and read from the resource {@value #RESOURCE}: deriving
 * them costs a cold start tens of milliseconds. An entry is used only for the very expression it was
 * derived from; any other expression, or a missing or unreadable resource, is analysed on the spot.
 */
public final class LiteralIndex {
    static final String RESOURCE = "literals.bin";
    private static final int FORMAT = 2;
    private static final Map<String, List<Set<String>>> BUILT = load();

    private LiteralIndex() {
    }

    static List<Set<String>> requiredAll(LazyPattern pattern) {
        return requiredAll(pattern.regex());
    }

    static List<Set<String>> requiredAll(String regex) {
        List<Set<String>> built = BUILT.get(regex);
        return built != null ? built : Literals.requiredAll(regex, LazyPattern.FLAGS);
    }

    /** The expressions the index holds: every built-in one, with {@link LazyPattern#FLAGS}. */
    static List<String> builtIn() {
        return Stream.of(BlameRules.ALL.stream().map(r -> r.regex().regex()),
                BlameRules.REJECTIONS.stream().map(LazyPattern::regex),
                VagueActionDetector.cueRegexes().stream()).flatMap(s -> s).distinct().toList();
    }

    /** How many expressions the index on the class path holds (0 when there is none). */
    static int size() {
        return BUILT.size();
    }

    /**
     * The index as one UTF-8 text, split at its separators rather than read a call per string: a cold start reads
     * it in the interpreter, where {@code DataInputStream.readUTF} took ~13 ms for its ~900 strings. After a
     * header line, each expression is a record ending in {@link #RECORD}: the expression, then each set of
     * strings, the set after {@link #SET}, each string after {@link #WORD}. No built-in expression holds them.
     */
    private static final char RECORD = '\u0000';
    private static final char SET = '\u0001';
    private static final char WORD = '\u0002';
    private static final String HEADER = "pm literal index " + FORMAT + "\n";

    private static Map<String, List<Set<String>>> load() {
        try (InputStream raw = LiteralIndex.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return Map.of();
            }
            String text = new String(raw.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.startsWith(HEADER)) {
                return Map.of();
            }
            // String.split with one character that means nothing in a regular expression compiles none
            String[] records = text.substring(HEADER.length()).split(String.valueOf(RECORD), -1);
            if (!records[records.length - 1].isEmpty()) {
                return Map.of(); // cut short
            }
            Map<String, List<Set<String>>> index = new HashMap<>();
            for (int r = 0; r < records.length - 1; r++) {
                String[] parts = records[r].split(String.valueOf(SET), -1);
                List<Set<String>> sets = new ArrayList<>();
                for (int k = 1; k < parts.length; k++) {
                    String[] words = parts[k].split(String.valueOf(WORD), -1); // each word after a WORD
                    sets.add(Set.copyOf(java.util.Arrays.asList(words).subList(1, words.length)));
                }
                index.put(parts[0], List.copyOf(sets));
            }
            return index;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a damaged index only costs time: everything is analysed on the spot
        }
    }

    private static void check(String s) {
        if (s.indexOf(RECORD) >= 0 || s.indexOf(SET) >= 0 || s.indexOf(WORD) >= 0) {
            throw new IllegalArgumentException("a separator of the literal index in: " + s);
        }
    }

    /** Writes the index of the built-in expressions to the file named by the one argument. */
    public static void main(String[] args) throws IOException, InputException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LiteralIndex OUTPUT-FILE");
        }
        StringBuilder text = new StringBuilder(HEADER);
        for (String regex : builtIn()) {
            check(regex);
            text.append(regex);
            for (Set<String> set : Literals.requiredAll(regex, LazyPattern.FLAGS)) {
                text.append(SET);
                for (String s : set) {
                    check(s);
                    text.append(WORD).append(s);
                }
            }
            text.append(RECORD);
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path target = Path.of(args[0]);
        AtomicFiles.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.replace(target, bytes);
    }
}
