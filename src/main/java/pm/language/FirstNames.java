package pm.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Given names (resource {@code first-names.txt}, 8,403 public-domain names): a capitalised word is a person only
 * when it is one of them, or the file says so. A name that is also an ordinary word (May, Will, Grant) is
 * ambiguous: only the text around it can make it a person. Loaded on first use.
 */
final class FirstNames {
    private FirstNames() {
    }

    private static final class Loaded {
        static final Set<String> NAMES = new HashSet<>(16_384);
        static final Set<String> AMBIGUOUS = new HashSet<>(1024);

        static {
            try (InputStream in = FirstNames.class.getResourceAsStream("first-names.txt")) {
                if (in == null) {
                    throw new IllegalStateException("first-names.txt is missing from pm's jar");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    boolean ambiguous = line.startsWith("?");
                    for (String name : (ambiguous ? line.substring(1) : line).strip().split(" ")) {
                        (ambiguous ? AMBIGUOUS : NAMES).add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether a capitalised word ("Dana") is a given name that is no ordinary word. */
    static boolean isName(String word) {
        return Loaded.NAMES.contains(word);
    }

    /** Whether a capitalised word ("Will", "Grant") is a given name that is also an ordinary word. */
    static boolean isAmbiguousName(String word) {
        return Loaded.AMBIGUOUS.contains(word);
    }
}
