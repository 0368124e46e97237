package pm.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** file → rule → fingerprint → how many; written sorted, so the file is the same for the same findings. */
    private final Map<String, Map<String, Map<String, Integer>>> known;
    /** What this run has not used yet, of the files it saw: what --prune-suppressions drops. */
    private final Map<String, Map<String, Map<String, Integer>>> unused = new HashMap<>();
    private boolean changed;

    private Baseline(Map<String, Map<String, Map<String, Integer>>> known) {
        this.known = known;
    }

    public static Baseline empty() {
        return new Baseline(new HashMap<>());
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
        Map<String, Map<String, Map<String, Integer>>> known = new HashMap<>();
        // read as a stream, not as a tree: a baseline of a large archive holds tens of thousands of entries
        try (JsonParser p = Json.MAPPER.getFactory().createParser(bytes)) {
            expect(file, p, p.nextToken() == JsonToken.START_OBJECT, "is not a pm suppressions file (version 1 with "
                    + "\"files\")");
            boolean version = false;
            boolean files = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("version")) {
                    version = value == JsonToken.VALUE_NUMBER_INT && p.getIntValue() == 1;
                } else if (key.equals("files") && value == JsonToken.START_OBJECT) {
                    files = true;
                    readFiles(file, p, known);
                } else {
                    p.skipChildren();
                }
            }
            expect(file, p, version && files, "is not a pm suppressions file (version 1 with \"files\")");
        } catch (JsonProcessingException e) {
            throw bad(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage());
        }
        return new Baseline(known);
    }

    private static void readFiles(Path file, JsonParser p, Map<String, Map<String, Map<String, Integer>>> known)
            throws IOException, InputException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(file, p, p.nextToken() == JsonToken.START_OBJECT, "entry \"" + name + "\" must map rule ids to "
                    + "their suppressions");
            Map<String, Map<String, Integer>> rules = known.computeIfAbsent(name, k -> new HashMap<>());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String rule = p.currentName();
                String where = "\"" + name + "\" → \"" + rule + "\"";
                expect(file, p, p.nextToken() == JsonToken.START_OBJECT, where + " must hold \"count\" and "
                        + "\"fingerprints\"");
                Integer count = null;
                Map<String, Integer> prints = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    if (key.equals("count")) {
                        count = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    } else if (key.equals("fingerprints")) {
                        expect(file, p, value == JsonToken.START_OBJECT, where + " has no \"fingerprints\"");
                        prints = new HashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String fp = p.currentName();
                            JsonToken n = p.nextToken();
                            expect(file, p, n == JsonToken.VALUE_NUMBER_INT && p.getIntValue() >= 1, where + " → \""
                                    + fp + "\" must be a count of 1 or more");
                            prints.put(fp, p.getIntValue());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                expect(file, p, prints != null, where + " has no \"fingerprints\"");
                int total = prints.values().stream().mapToInt(Integer::intValue).sum();
                expect(file, p, count == null || count == total, where + " says count " + count + " but its "
                        + "fingerprints add up to " + total);
                if (!prints.isEmpty()) {
                    rules.put(rule, prints);
                }
            }
            if (rules.isEmpty()) {
                known.remove(name);
            }
        }
    }

    private static void expect(Path file, JsonParser p, boolean ok, String what) throws InputException {
        if (!ok) {
            throw bad(file, 0, what);
        }
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
        Map<String, Map<String, Integer>> left = new HashMap<>();
        entries.forEach((rule, prints) -> left.put(rule, new HashMap<>(prints)));
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
        Map<String, Map<String, Integer>> entries = known.computeIfAbsent(file, k -> new HashMap<>());
        Map<String, Map<String, Integer>> before = copy(entries);
        entries.keySet().removeIf(rules);
        for (Finding f : findings) {
            if (rules.test(f.rule())) {
                entries.computeIfAbsent(f.rule(), k -> new HashMap<>()).merge(Fingerprint.of(f), 1, Integer::sum);
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
        new TreeMap<>(known).forEach((name, rules) -> {
            ObjectNode f = files.putObject(name);
            new TreeMap<>(rules).forEach((rule, prints) -> {
                ObjectNode r = f.putObject(rule);
                r.put("count", prints.values().stream().mapToInt(Integer::intValue).sum());
                ObjectNode p = r.putObject("fingerprints");
                new TreeMap<>(prints).forEach(p::put);
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
        Map<String, Map<String, Integer>> out = new HashMap<>();
        entries.forEach((rule, prints) -> out.put(rule, new HashMap<>(prints)));
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
