package pm.index;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import pm.config.Config;
import pm.io.InputException;
import pm.yaml.YamlNode;

/**
 * The {@code index:} section of {@code .pm.yml}: where {@code pm index} writes.
 *
 * <pre>
 * index:
 *   file: postmortems/README.md
 * </pre>
 *
 * @param file the index file; default {@code README.md} in {@code postmortems_dir}
 */
public record IndexSettings(Path file) {
    public static final List<String> KEYS = List.of("file");
    /** The index file's name in {@code postmortems_dir} when none is set. */
    public static final String DEFAULT_NAME = "README.md";

    /** The settings of a config; an unknown key, or a file outside the repository, names its line. */
    public static IndexSettings from(Config config) throws InputException {
        Path fallback = config.postmortemsDir().resolve(DEFAULT_NAME);
        YamlNode.Mapping section = config.section("index");
        if (section == null) {
            return new IndexSettings(fallback);
        }
        for (YamlNode.Entry e : section.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new InputException(config.file(), e.keyLine(), "unknown setting 'index." + e.key()
                        + "'; known: " + String.join(", ", KEYS));
            }
        }
        String value = Config.string(config.file(), section, "file", null);
        if (value == null) {
            return new IndexSettings(fallback);
        }
        int line = section.entry("file").keyLine();
        Path root = config.root();
        Path resolved;
        try {
            if (Path.of(value).isAbsolute()) {
                resolved = null;
            } else {
                resolved = root.resolve(value).normalize();
            }
        } catch (InvalidPathException e) {
            throw new InputException(config.file(), line, "index.file '" + value + "' is not a path this system "
                    + "can use; name a Markdown file inside the repository, e.g. postmortems/README.md");
        }
        if (resolved == null || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new InputException(config.file(), line, "index.file '" + value + "' is outside the repository; "
                    + "pm writes only inside it: use a path relative to " + Config.FILE_NAME
                    + " (e.g. postmortems/README.md), or name the file with pm index --out");
        }
        return new IndexSettings(resolved);
    }
}
