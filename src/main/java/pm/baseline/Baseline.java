package pm.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.lint.Finding;

/**
 * The suppressions file: for each file (its path from the repository's top, with '/'), for each rule, how many
 * findings of each fingerprint are known and not to be reported again, and their total as ESLint's suppressions
 * file gives it:
 *
 * <pre>{"version": 1, "files": {"postmortems/a.md": {"blame-language": {"count": 2,
 *     "fingerprints": {"3fa2c1d09b8e7f61": 2}}}}}</pre>
 *
 * Not thread-safe: a run applies it on the thread that reports.
 */
public final class Baseline {
    public static final String FILE_NAME = ".pm-suppressions.json";
    /** Made on first use: a run without a suppressions file must not pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** file → rule → fingerprint → how many. Sorted, so the file is written the same way every time. */
    private final Map<String, Map<String, Map<String, Integer>>> known;
    /** What this run has not used yet, of the files it saw: what --prune-suppressions drops. */
    private final Map<String, Map<String, Map<String, Integer>>> unused = new TreeMap<>();
    private boolean changed;

    private Baseline(Map<String, Map<String, Map<String, Integer>>> known) {
        this.known = known;
    }

    public static Baseline empty() {
        return new Baseline(new TreeMap<>());
    }

    /** Reads the file; a missing file is an empty baseline. A file pm cannot read is one line naming what to do. */
    public static Baseline read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw bad(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON");
        }
        if (root == null || !root.isObject() || root.path("version").asInt(0) != 1 || !root.path("files").isObject()) {
            throw bad(file, 0, "is not a pm suppressions file (version 1 with \"files\")");
        }
        Map<String, Map<String, Map<String, Integer>>> known = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> files = root.get("files").fields(); files.hasNext(); ) {
            Map.Entry<String, JsonNode> f = files.next();
            if (!f.getValue().isObject()) {
                throw bad(file, 0, "entry \"" + f.getKey() + "\" must map rule ids to their suppressions");
            }
            for (Iterator<Map.Entry<String, JsonNode>> rules = f.getValue().fields(); rules.hasNext(); ) {
                Map.Entry<String, JsonNode> r = rules.next();
                JsonNode prints = r.getValue().path("fingerprints");
                if (!prints.isObject()) {
                    throw bad(file, 0, "\"" + f.getKey() + "\" → \"" + r.getKey() + "\" has no \"fingerprints\"");
                }
                int total = 0;
                for (Iterator<Map.Entry<String, JsonNode>> fp = prints.fields(); fp.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = fp.next();
                    if (!p.getValue().isInt() || p.getValue().asInt() < 1) {
                        throw bad(file, 0, "\"" + f.getKey() + "\" → \"" + r.getKey() + "\" → \"" + p.getKey()
                                + "\" must be a count of 1 or more");
                    }
                    total += p.getValue().asInt();
                    known.computeIfAbsent(f.getKey(), k -> new TreeMap<>()).computeIfAbsent(r.getKey(),
                            k -> new TreeMap<>()).put(p.getKey(), p.getValue().asInt());
                }
                if (r.getValue().has("count") && r.getValue().path("count").asInt(-1) != total) {
                    throw bad(file, 0, "\"" + f.getKey() + "\" → \"" + r.getKey() + "\" says count "
                            + r.getValue().path("count").asText() + " but its fingerprints add up to " + total);
                }
            }
        }
        return new Baseline(known);
    }

    private static InputException bad(Path file, int line, String what) {
        return new InputException(file, line, what + "; fix it, or delete it and run 'pm lint --suppress-all' to "
                + "write it again");
    }

    /** How many findings it holds. */
    public int size() {
        return count(known);
    }

    /** The findings of one file, split into those to report and those it suppresses. */
    public record Split(List<Finding> reported, List<Finding> suppressed) {
    }

    /** Splits a file's findings; what the file's entries do not use is remembered for {@link #prunable}. */
    public Split apply(String file, List<Finding> findings) {
        Map<String, Map<String, Integer>> entries = known.get(file);
        if (entries == null) {
            return new Split(findings, List.of());
        }
        Map<String, Map<String, Integer>> left = new TreeMap<>();
        entries.forEach((rule, prints) -> left.put(rule, new TreeMap<>(prints)));
        List<Finding> reported = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Integer> prints = left.get(f.rule());
            String fp = prints == null ? null : Fingerprint.of(f);
            Integer n = fp == null ? null : prints.get(fp);
            if (n == null) {
                reported.add(f);
            } else {
                suppressed.add(f);
                if (n == 1) {
                    prints.remove(fp);
                } else {
                    prints.put(fp, n - 1);
                }
            }
        }
        left.values().removeIf(Map::isEmpty);
        if (left.isEmpty()) {
            unused.remove(file);
        } else {
            unused.put(file, left);
        }
        return new Split(reported, suppressed);
    }

    /**
     * Makes the file's entries for the rules {@code rules} accepts those of {@code findings} (--suppress-all,
     * --suppress-rule); its entries for other rules stay.
     */
    public void record(String file, List<Finding> findings, Predicate<String> rules) {
        Map<String, Map<String, Integer>> entries = known.computeIfAbsent(file, k -> new TreeMap<>());
        Map<String, Map<String, Integer>> before = copy(entries);
        entries.keySet().removeIf(rules);
        for (Finding f : findings) {
            if (rules.test(f.rule())) {
                entries.computeIfAbsent(f.rule(), k -> new TreeMap<>()).merge(Fingerprint.of(f), 1, Integer::sum);
            }
        }
        if (entries.isEmpty()) {
            known.remove(file);
        }
        changed |= !before.equals(entries);
    }

    /** Suppressions this run found no finding for, in the files it linted: what --prune-suppressions drops. */
    public int prunable() {
        return count(unused);
    }

    /**
     * Drops what {@link #prunable} counts, and the entries of files not in {@code present} (gone from the
     * repository) when it is not {@code null}.
     */
    public int prune(Set<String> present) {
        int dropped = 0;
        for (Map.Entry<String, Map<String, Map<String, Integer>>> f : unused.entrySet()) {
            Map<String, Map<String, Integer>> entries = known.get(f.getKey());
            for (Map.Entry<String, Map<String, Integer>> r : f.getValue().entrySet()) {
                Map<String, Integer> prints = entries.get(r.getKey());
                for (Map.Entry<String, Integer> p : r.getValue().entrySet()) {
                    int n = prints.get(p.getKey()) - p.getValue();
                    dropped += p.getValue();
                    if (n <= 0) {
                        prints.remove(p.getKey());
                    } else {
                        prints.put(p.getKey(), n);
                    }
                }
                if (prints.isEmpty()) {
                    entries.remove(r.getKey());
                }
            }
            if (entries.isEmpty()) {
                known.remove(f.getKey());
            }
        }
        unused.clear();
        if (present != null) {
            for (Iterator<Map.Entry<String, Map<String, Map<String, Integer>>>> it = known.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, Map<String, Map<String, Integer>>> f = it.next();
                if (!present.contains(f.getKey())) {
                    dropped += count(Map.of(f.getKey(), f.getValue()));
                    it.remove();
                }
            }
        }
        changed |= dropped > 0;
        return dropped;
    }

    /** Whether {@link #record} or {@link #prune} changed anything. */
    public boolean changed() {
        return changed;
    }

    /** Writes the file atomically, sorted, with a line break at the end. */
    public void write(Path file) throws InputException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode files = root.putObject("files");
        known.forEach((name, rules) -> {
            ObjectNode f = files.putObject(name);
            rules.forEach((rule, prints) -> {
                ObjectNode r = f.putObject(rule);
                r.put("count", prints.values().stream().mapToInt(Integer::intValue).sum());
                ObjectNode p = r.putObject("fingerprints");
                prints.forEach(p::put);
            });
        });
        try {
            String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
            AtomicFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InputException(file, 0, "could not be written: " + e.getMessage());
        }
    }

    private static Map<String, Map<String, Integer>> copy(Map<String, Map<String, Integer>> entries) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        entries.forEach((rule, prints) -> out.put(rule, new TreeMap<>(prints)));
        return out;
    }

    private static int count(Map<String, Map<String, Map<String, Integer>>> files) {
        int n = 0;
        for (Map<String, Map<String, Integer>> rules : files.values()) {
            for (Map<String, Integer> prints : rules.values()) {
                for (int c : prints.values()) {
                    n += c;
                }
            }
        }
        return n;
    }
}
