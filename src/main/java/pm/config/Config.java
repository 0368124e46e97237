package pm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pm.io.InputException;
import pm.io.TextFiles;
import java.util.EnumMap;
import java.util.Map;
import pm.model.Headings;
import pm.model.SectionKind;
import pm.people.People;
import pm.parse.Schema;
import pm.yaml.YamlException;
import pm.yaml.YamlNode;
import pm.yaml.YamlNode.Mapping;
import pm.yaml.YamlNode.Scalar;
import pm.yaml.YamlNode.Sequence;
import pm.yaml.YamlReader;

/**
 * A repository's {@code .pm.yml}, found by walking up from the current directory. Without one, the
 * defaults apply and the root is the enclosing git work tree, or the current directory outside git.
 *
 * @param root           the folder paths in the config are relative to
 * @param file           the config file, or {@code null} when there is none
 * @param postmortemsDir where postmortems live ({@code postmortems_dir}, default {@code postmortems})
 * @param templatesDir   the repository's own templates ({@code templates_dir}), or {@code null}
 * @param raw            the whole file, for the sections other commands read ({@code lint}, {@code overdue})
 */
public record Config(Path root, Path file, Path postmortemsDir, Path templatesDir, Schema schema, Mapping raw) {
    public static final String FILE_NAME = ".pm.yml";
    private static final Set<String> KEYS = Set.of("postmortems_dir", "templates_dir", "severities", "lint",
            "overdue", "people", "policies", "stats", "index");

    public static Config defaults(Path root) {
        return new Config(root, null, root.resolve("postmortems"), null, Schema.DEFAULT, null);
    }

    /** Finds and reads the config for a working directory. */
    public static Config load(Path cwd) throws InputException {
        Path dir = cwd.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path f = d.resolve(FILE_NAME);
            if (Files.isRegularFile(f)) {
                return read(f);
            }
            if (Files.exists(d.resolve(".git"))) {
                return defaults(d); // stop at the repository's root
            }
        }
        return defaults(dir);
    }

    /**
     * The config that governs a file, whether or not it exists: found from the file's folder up, as {@link #load}
     * finds it for a working directory (for {@code pm lint --stdin --stdin-filename PATH} and the language server).
     */
    public static Config forFile(Path file) throws InputException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return load(parent != null ? parent : file.toAbsolutePath());
    }

    /** Reads one config file. */
    public static Config read(Path file) throws InputException {
        Path root = file.toAbsolutePath().normalize().getParent();
        String text = TextFiles.read(file).text();
        YamlNode node;
        try {
            node = new YamlReader(0).read(text);
        } catch (YamlException e) {
            throw new InputException(file, e.line(), e.getMessage());
        }
        if (node == null) {
            return new Config(root, file, root.resolve("postmortems"), null, Schema.DEFAULT, null);
        }
        if (!(node instanceof Mapping map)) {
            throw new InputException(file, node.line(), "must be YAML settings (postmortems_dir: …), not a "
                    + node.typeName());
        }
        for (YamlNode.Entry e : map.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new InputException(file, e.keyLine(), "unknown setting '" + e.key() + "'; known: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Path pmDir = inside(file, map, root, "postmortems_dir", string(file, map, "postmortems_dir", "postmortems"));
        String templates = string(file, map, "templates_dir", null);
        if (templates != null) {
            inside(file, map, root, "templates_dir", templates);
        }
        List<String> severities = strings(file, map, "severities", Schema.DEFAULT_SEVERITIES);
        if (severities.isEmpty()) {
            throw new InputException(file, map.entry("severities").keyLine(), "severities must list at least one");
        }
        return new Config(root, file, pmDir, templates == null ? null : root.resolve(templates),
                new Schema(severities, headings(file, map)), map);
    }

    /**
     * A folder a setting names, which must be inside the repository (the folder of {@code .pm.yml}): a config
     * committed by someone else must not make pm read or write elsewhere. A folder named on the command line is not
     * a setting and may be anywhere.
     */
    private static Path inside(Path file, Mapping map, Path root, String key, String value) throws InputException {
        Path resolved;
        boolean absolute;
        try {
            resolved = root.resolve(value).normalize();
            absolute = Path.of(value).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(file, map.entry(key).keyLine(), key + " '" + value + "' is not a path this "
                    + "system can use; name a folder inside the repository");
        }
        if (absolute || !resolved.startsWith(root)) {
            throw new InputException(file, map.entry(key).keyLine(), key + " '" + value + "' is outside the "
                    + "repository; pm reads and writes only inside it: use a path relative to " + FILE_NAME
                    + " (e.g. '" + (key.equals("templates_dir") ? "templates" : "postmortems") + "'), or name the "
                    + "folder on the command line");
        }
        return resolved;
    }

    /**
     * The headings {@code lint.section_synonyms} adds to the eight sections': each key one of the eight (as
     * {@code required_sections} names them), each value a heading or a list of them.
     */
    private static Headings headings(Path file, Mapping map) throws InputException {
        if (!(map.get("lint") instanceof Mapping lint) || lint.get("section_synonyms") == null
                || lint.get("section_synonyms") instanceof Scalar s && s.isNull()) {
            return Headings.DEFAULT;
        }
        if (!(lint.get("section_synonyms") instanceof Mapping synonyms)) {
            throw new InputException(file, lint.get("section_synonyms").line(), "lint.section_synonyms must map a "
                    + "section to its other headings, e.g. 'Action items: [Follow-through, Things to do]'");
        }
        Map<SectionKind, List<String>> extra = new EnumMap<>(SectionKind.class);
        for (YamlNode.Entry e : synonyms.entries().values()) {
            SectionKind kind = SectionKind.fromHeading(e.key()).orElseThrow(() -> new InputException(file,
                    e.keyLine(), "lint.section_synonyms: '" + e.key() + "' is not one of the eight sections ("
                            + SectionKind.titles() + ")"));
            extra.computeIfAbsent(kind, k -> new ArrayList<>())
                    .addAll(strings(file, synonyms, e.key(), List.of()));
        }
        return Headings.withSynonyms(extra);
    }

    /**
     * The handles and names of the team's people ({@code people:}): each key a handle, each value a name, a list of
     * names, or {@code names:} and {@code emails:}. blame-language counts every one as a person.
     */
    public List<String> people() throws InputException {
        List<String> out = new ArrayList<>();
        for (People.Person p : directory().all()) {
            out.add(p.handle().substring(1));
            out.addAll(p.names());
        }
        return out;
    }

    /**
     * The team's people as one map from each handle, name and e-mail address to the person ({@code people:}), so
     * that an owner written "@sam" and an author written "Sam Okafor" are one person.
     */
    public People directory() throws InputException {
        if (raw == null || raw.get("people") == null || raw.get("people") instanceof Scalar s && s.isNull()) {
            return People.NONE;
        }
        if (!(raw.get("people") instanceof Mapping people)) {
            throw new InputException(file, raw.entry("people").keyLine(), "people must map each handle to its names, "
                    + "e.g. 'sam: [Sam Okafor]' or 'sam: {names: [Sam Okafor], emails: [sam@example.com]}'");
        }
        People.Builder out = new People.Builder();
        for (YamlNode.Entry e : people.entries().values()) {
            if (e.key().isBlank() || e.key().strip().equals("@")) {
                throw new InputException(file, e.keyLine(), "people: a person needs a handle as the key, e.g. 'sam:'");
            }
            if (e.value() instanceof Mapping m) {
                for (YamlNode.Entry k : m.entries().values()) {
                    if (!k.key().equals("names") && !k.key().equals("emails")) {
                        throw new InputException(file, k.keyLine(), "people." + e.key() + ": unknown setting '"
                                + k.key() + "'; known: emails, names");
                    }
                }
                out.add(e.key(), strings(file, m, "names", List.of()), strings(file, m, "emails", List.of()));
            } else {
                out.add(e.key(), e.value() == null ? List.of() : strings(file, people, e.key(), List.of()), List.of());
            }
        }
        return out.build();
    }

    /** A mapping-valued section such as {@code lint:}, or {@code null}. */
    public Mapping section(String name) throws InputException {
        if (raw == null || raw.get(name) == null
                || raw.get(name) instanceof Scalar s && (s.isNull() || s.text().isBlank())) {
            return null; // "lint:" with every setting commented out is no section, not an error
        }
        if (raw.get(name) instanceof Mapping m) {
            return m;
        }
        throw new InputException(file, raw.entry(name).keyLine(), name + " must be a group of settings");
    }

    /** A text setting. */
    public static String string(Path file, Mapping map, String key, String fallback) throws InputException {
        YamlNode n = map.get(key);
        if (n == null || n instanceof Scalar s && s.isNull()) {
            return fallback;
        }
        if (n instanceof Scalar s && s.kind() == YamlNode.ScalarKind.STRING && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw new InputException(file, n.line(), key + " must be text");
    }

    /** A list-of-text setting; a single value counts as a list of one. */
    public static List<String> strings(Path file, Mapping map, String key, List<String> fallback)
            throws InputException {
        YamlNode n = map.get(key);
        if (n == null || n instanceof Scalar s && s.isNull()) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            return List.of(s.text().strip());
        }
        if (n instanceof Sequence seq) {
            List<String> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                if (!(item instanceof Scalar s) || s.isNull()) {
                    throw new InputException(file, item.line(), key + " must be a list of text values");
                }
                out.add(s.text().strip());
            }
            return out;
        }
        throw new InputException(file, n.line(), key + " must be a list");
    }

}
