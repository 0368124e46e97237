package pm.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML document into a position-aware tree with Jackson's streaming YAML parser.
 * Only plain data is built (no classes are ever instantiated), duplicate keys are errors, and
 * aliases, nesting depth and document size are bounded so hostile input cannot exhaust memory.
 */
public final class YamlReader {
    /** Deepest nesting accepted; front matter is two or three levels deep in practice. */
    public static final int MAX_DEPTH = 64;
    /** Largest YAML text accepted, in characters. */
    public static final int MAX_CHARS = 1_000_000;
    private static final int MAX_ALIASES = 50;

    /** Jackson is set up on first use: documents the fast path reads never load it. */
    private static final class Jackson {
        static final YAMLFactory FACTORY = createFactory();
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS * 2);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(MAX_CHARS * 2L)
                        .build())
                .build();
    }

    private final int lineOffset;

    /** @param lineOffset added to every line number, for YAML that starts below line 1 of its file */
    public YamlReader(int lineOffset) {
        this.lineOffset = lineOffset;
    }

    /**
     * Reads the document; an empty document gives {@code null}. Plain documents are read by {@link SimpleYaml}
     * (the same tree, several times faster), the rest by Jackson.
     */
    public YamlNode read(String yaml) throws YamlException {
        if (yaml.length() > MAX_CHARS) {
            throw new YamlException("front matter is larger than " + MAX_CHARS / 1000 + " KB", lineOffset + 1, 1);
        }
        SimpleYaml.Outcome simple = SimpleYaml.read(yaml, lineOffset);
        return simple != null ? simple.root() : readWithJackson(yaml);
    }

    /** The reference reader: Jackson's streaming YAML parser, for any document. */
    YamlNode readWithJackson(String yaml) throws YamlException {
        anchors.clear();
        expanded = 0;
        text = yaml;
        JsonParser p = null;
        try {
            p = Jackson.FACTORY.createParser(yaml);
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return readValue(p, t, 0);
        } catch (YamlException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new YamlException(limitMessage(e), where(p, null)[0], where(p, null)[1]);
        } catch (JsonProcessingException e) {
            int[] at = where(p, e.getLocation());
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ReaderException r) {
                    int i = Math.min(Math.max(r.getPosition(), 0), yaml.length());
                    int line = 1 + (int) yaml.substring(0, i).chars().filter(ch -> ch == '\n').count();
                    throw new YamlException(String.format("control character U+%04X is not allowed in YAML; remove it",
                            r.getCodePoint()), line + lineOffset, i - yaml.lastIndexOf('\n', i - 1));
                }
                if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                    at = new int[] {m.getProblemMark().getLine() + 1 + lineOffset, m.getProblemMark().getColumn() + 1};
                    break; // SnakeYAML knows where the problem is
                }
            }
            throw new YamlException(describe(e), at[0], at[1]);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some limits (aliases, depth, size) as unchecked exceptions
            int[] at = where(p, null);
            throw new YamlException(limitMessage(e), at[0], at[1]);
        } catch (StackOverflowError e) {
            int[] at = where(p, null);
            throw new YamlException("YAML is nested too deeply; use at most " + MAX_DEPTH + " levels", at[0], at[1]);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing a parser over a string releases nothing that matters
                }
            }
        }
    }

    /** Line (with the offset) and column of an error: from its location, else where the parser stopped; 0 when unknown. */
    private int[] where(JsonParser p, JsonLocation loc) {
        JsonLocation l = loc;
        if ((l == null || l.getLineNr() <= 0) && p != null) {
            try {
                l = p.currentLocation();
            } catch (RuntimeException e) {
                l = null;
            }
        }
        if (l == null || l.getLineNr() <= 0) {
            return new int[] {0, 0};
        }
        return new int[] {l.getLineNr() + lineOffset, Math.max(l.getColumnNr(), 0)};
    }

    /** Says which limit was hit in words a user can act on, without the library's internals. */
    private static String limitMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("nesting depth") || m.contains("Nesting Depth") || m.contains("nested")) {
            return "YAML is nested more than " + MAX_DEPTH + " levels deep; flatten it";
        }
        if (m.contains("aliases")) {
            return "YAML uses more than " + MAX_ALIASES + " aliases (*name); write the values out instead";
        }
        if (m.contains("document length") || m.contains("code points")) {
            return "YAML is larger than " + MAX_CHARS / 1000 + " KB";
        }
        return describe(e);
    }

    /** The most values a document may hold once its aliases are read as the values they name. */
    static final int MAX_EXPANDED = 10_000;

    /** The anchored values read so far (&name), by name: an alias (*name) is the value its anchor names. */
    private final Map<String, Anchored> anchors = new java.util.HashMap<>();
    /** How many values the document holds so far, each alias counting the values it stands for. */
    private long expanded;

    private record Anchored(YamlNode node, long size) {
    }

    /** The document being read. */
    private String text = "";

    private YamlNode readValue(JsonParser p, JsonToken t, int depth) throws IOException, YamlException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr() + lineOffset;
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new YamlException("YAML is nested more than " + MAX_DEPTH + " levels deep", line, col);
        }
        if (t == JsonToken.VALUE_STRING && p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y
                && y.isCurrentAlias()) {
            String name = p.getText();
            Anchored a = anchors.get(name);
            if (a == null) {
                throw new YamlException("alias *" + name + " names no anchor above it; write &" + name
                        + " on the value it should repeat, or write the value out", line, col);
            }
            count(a.size(), line, col);
            return a.node() instanceof YamlNode.Scalar s ? new YamlNode.Scalar(s.text(), s.kind(), line, col)
                    : a.node();
        }
        String anchor = p.getObjectId() instanceof String id ? id : scalarAnchor(loc);
        long before = expanded;
        YamlNode node = readPlain(p, t, depth, line, col);
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, expanded - before));
        }
        return node;
    }

    /**
     * The anchor written before a scalar ({@code &name "value"}), which Jackson reports only for mappings and
     * sequences: a scalar's location is where its anchor starts.
     */
    private String scalarAnchor(JsonLocation loc) {
        long at = loc.getCharOffset();
        if (at < 0 || at >= text.length() || text.charAt((int) at) != '&') {
            return null;
        }
        int end = (int) at + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",[]{}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end > at + 1 ? text.substring((int) at + 1, end) : null;
    }

    /** Counts {@code n} more values, failing once the document holds more than {@link #MAX_EXPANDED}. */
    private void count(long n, int line, int col) throws YamlException {
        expanded += n;
        if (expanded > MAX_EXPANDED) {
            throw new YamlException("YAML aliases (*name) repeat more than " + MAX_EXPANDED + " values; write the "
                    + "values out instead", line, col);
        }
    }

    private YamlNode readPlain(JsonParser p, JsonToken t, int depth, int line, int col) throws IOException,
            YamlException {
        count(1, line, col);
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    int keyLine = kl.getLineNr() + lineOffset;
                    int keyCol = kl.getColumnNr();
                    YamlNode value = readValue(p, p.nextToken(), depth + 1);
                    if (entries.containsKey(key)) {
                        throw new YamlException("duplicate key '" + key + "' (first at line "
                                + entries.get(key).keyLine() + ")", keyLine, keyCol);
                    }
                    entries.put(key, new YamlNode.Entry(key, keyLine, keyCol, value));
                }
                return new YamlNode.Mapping(entries, line, col);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken it;
                while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (it == null) {
                        throw new YamlException("unexpected end of YAML", line, col);
                    }
                    items.add(readValue(p, it, depth + 1));
                }
                return new YamlNode.Sequence(items, line, col);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.STRING, line, col);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.INTEGER, line, col);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.FLOAT, line, col);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.BOOLEAN, line, col);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.ScalarKind.NULL, line, col);
            case VALUE_EMBEDDED_OBJECT:
                Object o = p.getEmbeddedObject();
                return new YamlNode.Scalar(o == null ? "" : o.toString(), YamlNode.ScalarKind.STRING, line, col);
            default:
                throw new YamlException("unexpected YAML token " + t, line, col);
        }
    }

    /** First line of a parser message, without Jackson's source excerpt. */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "YAML cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        m = m.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        // SnakeYAML puts the helpful part ("found character '\t' that cannot start any token") on a later line
        for (String l : m.split("\n")) {
            String s = l.strip();
            if (s.startsWith("found ") || s.startsWith("expected ") || s.contains("cannot start any token")) {
                return first.replaceAll("[:\\s]+$", "") + ": " + s;
            }
        }
        return first.replaceAll("[:\\s]+$", "");
    }
}
