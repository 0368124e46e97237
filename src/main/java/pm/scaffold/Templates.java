package pm.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import pm.io.InputException;
import pm.io.TextFiles;

/**
 * Postmortem templates: the built-in ones packaged in the jar (from the repository's {@code templates/}
 * folder) and a repository's own folder, whose templates win over built-ins of the same name.
 */
public final class Templates {
    public static final String DEFAULT = "postmortem";
    public static final List<String> BUILT_IN = List.of("postmortem", "near-miss", "security");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path repoTemplates;

    /** @param repoTemplates the repository's templates folder, or {@code null} */
    public Templates(Path repoTemplates) {
        this.repoTemplates = repoTemplates;
    }

    /** The text of a template by name ("near-miss", or "near-miss.md"). */
    public String load(String name) throws InputException {
        String n = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        if (!NAME.matcher(n).matches()) {
            throw new InputException("template name '" + name + "' is not valid: use letters, digits, '-' and '_' "
                    + "(available: " + String.join(", ", available()) + ")");
        }
        if (repoTemplates != null) {
            Path f = repoTemplates.resolve(n + ".md");
            if (Files.isRegularFile(f)) {
                return TextFiles.read(f).text();
            }
        }
        if (BUILT_IN.contains(n)) {
            try (InputStream in = Templates.class.getResourceAsStream("/pm/templates/" + n + ".md")) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new InputException("cannot read built-in template '" + n + "': " + e.getMessage());
            }
        }
        throw new InputException("unknown template '" + name + "'; available: " + String.join(", ", available()));
    }

    /** Names of every template, built-in and the repository's. */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>(BUILT_IN);
        if (repoTemplates != null && Files.isDirectory(repoTemplates)) {
            try (Stream<Path> files = Files.list(repoTemplates)) {
                files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".md"))
                        .map(f -> f.substring(0, f.length() - 3))
                        .filter(f -> NAME.matcher(f).matches())
                        .forEach(names::add);
            } catch (IOException ignored) {
                // an unreadable folder lists only the built-ins
            }
        }
        return new ArrayList<>(names);
    }
}
