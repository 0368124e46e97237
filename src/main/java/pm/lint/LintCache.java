package pm.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import pm.io.AtomicFiles;
import pm.io.InputException;
import pm.model.Span;

/**
 * The findings of files already linted, by their content, as ESLint's {@code --cache} keeps them: a run over files
 * that did not change costs a read and a hash per file. The cache is one file; it holds the key of what made its
 * findings (pm's version and build, the configuration) and is used only under the same key, so a new pm build or
 * a changed {@code .pm.yml} starts it afresh. A cache that cannot be read or does not parse is ignored and written
 * anew: it never changes what pm reports.
 */
public final class LintCache {
    private static final String HEADER = "pm lint cache 2";
    /** An entry's header starts so; its findings follow, one a line. */
    private static final char ENTRY = 'E';
    private static final String NO_SUGGESTION = "\\N";

    private final Path file;
    private final String key;
    private final Map<String, Known> known;
    private final Map<String, Known> used = new ConcurrentHashMap<>();
    /** Whether this run linted content the cache did not hold (else a save would write the same file again). */
    private volatile boolean added;

    private LintCache(Path file, String key, Map<String, Known> known) {
        this.file = file;
        this.key = key;
        this.known = known;
    }

    /**
     * The cache in {@code file} for findings made under {@code key} (what else made them: pm's build and the
     * configuration); empty when the file is missing, unreadable, damaged or of another key.
     */
    public static LintCache open(Path file, String key) {
        Map<String, Known> known = new ConcurrentHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                read(Files.readString(file, StandardCharsets.UTF_8), key, known);
            }
        } catch (IOException | RuntimeException e) {
            known.clear(); // damaged: ignored, and written anew
        }
        return new LintCache(file, key, known);
    }

    /** The key of a file's content: two checksums of it and its length (a content that differs has another). */
    public static String contentKey(byte[] content) {
        CRC32C a = new CRC32C();
        a.update(content);
        CRC32 b = new CRC32();
        b.update(content);
        // a bit above each 32-bit checksum gives both nine digits, so no two keys read the same
        return Long.toHexString(a.getValue() | 1L << 32) + Long.toHexString(b.getValue() | 1L << 32) + "-"
                + content.length;
    }

    /** What a run found in content it has seen: the findings, and whether the file was linted as a draft. */
    public record Known(List<Finding> findings, boolean draft) {
    }

    /** The findings kept for content of this key, named for {@code file}; null when there are none. */
    public Known get(String contentKey, String file) {
        Known found = known.get(contentKey);
        if (found == null) {
            return null;
        }
        used.put(contentKey, found);
        List<Finding> named = new ArrayList<>(found.findings().size());
        for (Finding f : found.findings()) {
            named.add(f.in(file));
        }
        return new Known(named, found.draft());
    }

    /** Keeps the findings of content of this key. */
    public void put(String contentKey, List<Finding> findings) {
        put(contentKey, findings, false);
    }

    /** Keeps the findings of content of this key, and whether it was linted as a draft. */
    public void put(String contentKey, List<Finding> findings, boolean draft) {
        used.put(contentKey, new Known(List.copyOf(findings), draft));
        added = true;
    }

    /**
     * Writes the findings of this run's files (what other files it held is dropped: a cache is as large as the
     * last run), atomically.
     */
    public void save() throws InputException {
        if (!added && used.size() == known.size() && file.toFile().isFile()) {
            return; // every file was a hit and none went away: the file on disk already says all this
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n').append(escape(key)).append('\n');
        for (Map.Entry<String, Known> e : used.entrySet()) {
            out.append(ENTRY).append('\t').append(e.getKey()).append('\t').append(e.getValue().findings().size())
                    .append('\t').append(e.getValue().draft() ? 'd' : '-').append('\n');
            for (Finding f : e.getValue().findings()) {
                Span s = f.span();
                out.append(s.line()).append('\t').append(s.column()).append('\t').append(s.endLine()).append('\t')
                        .append(s.endColumn()).append('\t').append(f.rule()).append('\t').append(f.severity().name())
                        .append('\t').append(escape(f.message())).append('\t')
                        .append(f.suggestion() == null ? NO_SUGGESTION : escape(f.suggestion())).append('\t')
                        .append(f.relaxedFrom() == null ? "-" : f.relaxedFrom().name()).append('\t')
                        .append(f.firm() ? 'f' : '-').append('\n');
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            AtomicFiles.createDirectories(parent);
        }
        AtomicFiles.replace(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void read(String text, String key, Map<String, Known> into) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[1].equals(escape(key))) {
            return; // another build or configuration made it: it says nothing about this one
        }
        int i = 2;
        while (i < lines.length && !lines[i].isEmpty()) {
            String[] head = lines[i].split("\t", -1);
            if (head.length != 4 || head[0].length() != 1 || head[0].charAt(0) != ENTRY) {
                throw new IllegalArgumentException("not an entry: " + lines[i]);
            }
            int count = Integer.parseInt(head[2]);
            List<Finding> findings = new ArrayList<>(count);
            for (int k = 1; k <= count; k++) {
                String[] f = lines[i + k].split("\t", -1);
                if (f.length != 10) {
                    throw new IllegalArgumentException("not a finding: " + lines[i + k]);
                }
                findings.add(new Finding("", new Span(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Integer.parseInt(f[3])), f[4], Severity.valueOf(f[5]), unescape(f[6]),
                        f[7].equals(NO_SUGGESTION) ? null : unescape(f[7]), f[8].equals("-") ? null
                        : Severity.valueOf(f[8]), f[9].equals("f")));
            }
            into.put(head[1], new Known(List.copyOf(findings), head[3].equals("d")));
            i += count + 1;
        }
    }

    /** Text with its tabs, line breaks and backslashes written as {@code \t}, {@code \n}, {@code \r}, {@code \\}. */
    static String escape(String s) {
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                sb.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> d;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
