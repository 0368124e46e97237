package pm.language;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The strings each built-in pattern requires ({@link Literals#requiredAll}), worked out when pm is built
 * (the build runs {@link #main} after compiling) and read from the resource {@value #RESOURCE}: deriving
 * them costs a cold start tens of milliseconds. An entry is used only for the very expression it was
 * derived from; any other expression, or a missing or unreadable resource, is analysed on the spot.
 */
public final class LiteralIndex {
    static final String RESOURCE = "literals.bin";
    private static final int FORMAT = 1;
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

    private static Map<String, List<Set<String>>> load() {
        try (InputStream raw = LiteralIndex.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return Map.of();
            }
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != FORMAT) {
                return Map.of();
            }
            Map<String, List<Set<String>>> index = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String regex = in.readUTF();
                List<Set<String>> sets = new ArrayList<>();
                for (int s = in.readInt(); s > 0; s--) {
                    Set<String> set = new LinkedHashSet<>();
                    for (int k = in.readInt(); k > 0; k--) {
                        set.add(in.readUTF());
                    }
                    sets.add(Set.copyOf(set));
                }
                index.put(regex, List.copyOf(sets));
            }
            return index;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a damaged index only costs time: everything is analysed on the spot
        }
    }

    /** Writes the index of the built-in expressions to the file named by the one argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LiteralIndex OUTPUT-FILE");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            List<String> all = builtIn();
            out.writeInt(FORMAT);
            out.writeInt(all.size());
            for (String regex : all) {
                out.writeUTF(regex);
                List<Set<String>> sets = Literals.requiredAll(regex, LazyPattern.FLAGS);
                out.writeInt(sets.size());
                for (Set<String> set : sets) {
                    out.writeInt(set.size());
                    for (String s : set) {
                        out.writeUTF(s);
                    }
                }
            }
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
