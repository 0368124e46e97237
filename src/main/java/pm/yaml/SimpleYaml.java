package pm.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A fast reader for the plain subset of YAML that front matter uses: block mappings and sequences, one-line
 * flow sequences and mappings of scalars, one-line plain, single-quoted and double-quoted (without escapes)
 * scalars, and comments. It builds exactly the tree {@link YamlReader}'s Jackson path builds (same nodes,
 * texts, scalar kinds, lines, columns and key order) and declines everything else (anchors, aliases, tags,
 * block scalars, multi-line scalars, complex keys, tabs, escapes, duplicate keys, document markers, unusual
 * numbers, odd characters, anything that is an error), so every error message and limit still comes from the
 * Jackson path. It is an optimisation only: {@code SimpleYamlTest} checks it against Jackson.
 */
final class SimpleYaml {
    /** What {@link #read} gives: the root node, {@code null} for an empty document. */
    record Outcome(YamlNode root) {
    }

    private static final Outcome EMPTY = new Outcome(null);
    /** Deeper documents go to Jackson, which enforces {@link YamlReader#MAX_DEPTH}. */
    private static final int MAX_DEPTH = 20;
    /** Longer keys go to Jackson (SnakeYAML limits a simple key to 1024 characters). */
    private static final int MAX_KEY = 1000;

    // SnakeYAML 2.3's YAML 1.1 implicit resolvers for numbers (org.yaml.snakeyaml.resolver.Resolver), used as
    // Jackson uses them: to tell INT and FLOAT from text
    private static final Pattern INT = Pattern.compile("^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*"
            + "|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern FLOAT = Pattern.compile("^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

    /** Thrown (without a stack trace) to hand the document to Jackson. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final String s;
    /** {@link #s} to index: in the C1 compiler pm runs with, String.charAt costs several checks a character. */
    private final char[] cs;
    private final int lineOffset;
    private int lines;
    private int[] start = new int[32]; // offset of each line's first character
    private int[] end = new int[32]; // offset just past its last character, before "\n" or "\r\n"
    private int[] indent = new int[32]; // leading spaces; -1 for a blank or comment-only line
    private int next; // the line after the node just read

    private SimpleYaml(String s, int lineOffset) {
        this.s = s;
        this.cs = s.toCharArray();
        this.lineOffset = lineOffset;
    }

    /**
     * Reads {@code yaml} when it is inside the subset.
     *
     * @param lineOffset added to every line number, as in {@link YamlReader}
     * @return the tree, or {@code null} when Jackson has to read it
     */
    static Outcome read(String yaml, int lineOffset) {
        SimpleYaml r = new SimpleYaml(yaml, lineOffset);
        try {
            if (!r.index()) {
                return null;
            }
            int first = r.content(0);
            if (first == r.lines) {
                return EMPTY;
            }
            YamlNode root = r.block(first, r.indent[first], 0);
            return r.content(r.next) == r.lines ? new Outcome(root) : null;
        } catch (Decline e) {
            return null;
        }
    }

    /** Splits the lines; false for characters or lines outside the subset. */
    private boolean index() {
        int n = s.length();
        int i = 0;
        while (i <= n) {
            if (lines == start.length) {
                start = java.util.Arrays.copyOf(start, lines * 2);
                end = java.util.Arrays.copyOf(end, lines * 2);
                indent = java.util.Arrays.copyOf(indent, lines * 2);
            }
            int ls = i;
            int sp = 0;
            while (i < n && cs[i] == ' ') {
                i++;
                sp++;
            }
            boolean blank = true;
            boolean comment = i < n && cs[i] == '#';
            int le;
            while (true) {
                if (i == n) {
                    le = n;
                    break;
                }
                char c = cs[i];
                if (c == '\n') {
                    le = i;
                    break;
                }
                if (c == '\r') {
                    if (i + 1 < n && cs[i + 1] == '\n') {
                        le = i;
                        i++;
                        break;
                    }
                    return false; // a lone CR is a line break to YAML
                }
                if (c < 0x20 || c >= 0x7f && ((c < 0xa0) || (c >= 0xd800 && c < 0xe000) || c == 0x2028
                        || c == 0x2029 || c >= 0xfeff && (c == 0xfeff || c >= 0xfffe))) {
                    return false; // tabs, controls, NEL, line separators, surrogates, BOM, non-characters
                }
                if (c != ' ') {
                    blank = false;
                }
                i++;
            }
            if (i == n && ls == n) {
                break; // no line after a final line break
            }
            if (sp == 0 && le - ls >= 3 && (s.startsWith("---", ls) || s.startsWith("...", ls))) {
                return false; // document markers
            }
            start[lines] = ls;
            end[lines] = le;
            indent[lines] = blank || comment ? -1 : sp;
            lines++;
            i++;
        }
        return true;
    }

    /** The first line at or after {@code i} with content (not blank, not only a comment). */
    private int content(int i) {
        while (i < lines && indent[i] < 0) {
            i++;
        }
        return i;
    }

    private char at(int offset) {
        return cs[offset];
    }

    /** A block node whose first character is column {@code c} (0-based) of line {@code i}. */
    private YamlNode block(int i, int c, int depth) {
        if (depth > MAX_DEPTH) {
            throw DECLINE;
        }
        int o = start[i] + c;
        if (isEntry(o, end[i])) {
            return sequence(i, c, depth);
        }
        if (keyEnd(i, o) >= 0) {
            return mapping(i, c, depth);
        }
        throw DECLINE; // a scalar on a line of its own, or something odd
    }

    /** Is the text at {@code o} a block sequence entry ("-" then a space or the end of the line)? */
    private boolean isEntry(int o, int lineEnd) {
        return o < lineEnd && at(o) == '-' && (o + 1 == lineEnd || at(o + 1) == ' ');
    }

    private YamlNode.Mapping mapping(int i, int c, int depth) {
        Map<String, YamlNode.Entry> entries = new YamlNode.Mapping.Fresh();
        int line = i;
        while (true) {
            int o = start[line] + c;
            int le = end[line];
            int colon = keyEnd(line, o);
            if (colon < 0) {
                throw DECLINE;
            }
            String key = keyText(o, colon);
            if (key.length() > MAX_KEY || entries.containsKey(key)) {
                throw DECLINE; // Jackson reports duplicates and over-long keys
            }
            YamlNode value;
            int v = skipSpaces(colon + 1, le);
            if (v == le || at(v) == '#') {
                int j = content(line + 1);
                if (j < lines && indent[j] > c) {
                    value = block(j, indent[j], depth + 1);
                } else if (j < lines && indent[j] == c && isEntry(start[j] + c, end[j])) {
                    value = sequence(j, c, depth + 1); // a sequence may sit at its key's indentation
                } else {
                    value = scalar("", YamlNode.ScalarKind.STRING, line, colon + 1 - start[line]);
                    next = j;
                }
            } else {
                value = inline(line, v, depth + 1);
                next = content(line + 1);
                if (next < lines && indent[next] > c) {
                    throw DECLINE; // a multi-line scalar, or an error
                }
            }
            entries.put(key, new YamlNode.Entry(key, line + 1 + lineOffset, o - start[line] + 1, value));
            int j = next;
            if (j == lines || indent[j] < c) {
                return new YamlNode.Mapping(entries, i + 1 + lineOffset, c + 1);
            }
            if (indent[j] > c) {
                throw DECLINE;
            }
            line = j;
        }
    }

    private YamlNode.Sequence sequence(int i, int c, int depth) {
        List<YamlNode> items = new ArrayList<>();
        int line = i;
        while (true) {
            int o = start[line] + c;
            int le = end[line];
            int v = skipSpaces(o + 1, le);
            YamlNode item;
            if (v == le || at(v) == '#') {
                int j = content(line + 1);
                if (j < lines && indent[j] > c) {
                    item = block(j, indent[j], depth + 1);
                } else {
                    item = scalar("", YamlNode.ScalarKind.STRING, line, o + 1 - start[line]);
                    next = j;
                }
            } else if (isEntry(v, le)) {
                throw DECLINE; // "- - x"
            } else if (keyEnd(line, v) >= 0) {
                item = mapping(line, v - start[line], depth + 1);
            } else {
                item = inline(line, v, depth + 1);
                next = content(line + 1);
                if (next < lines && indent[next] > c) {
                    throw DECLINE;
                }
            }
            items.add(item);
            int j = next;
            if (j == lines || indent[j] < c || (indent[j] == c && !isEntry(start[j] + c, end[j]))) {
                return new YamlNode.Sequence(items, i + 1 + lineOffset, c + 1);
            }
            if (indent[j] > c) {
                throw DECLINE;
            }
            line = j;
        }
    }

    /**
     * When line {@code i} holds a simple key at {@code o} (plain or quoted, then ':' and a space or the line's
     * end), the offset of that ':'; else -1.
     */
    private int keyEnd(int i, int o) {
        int le = end[i];
        if (o >= le) {
            return -1;
        }
        char c = at(o);
        int p;
        if (c == '\'' || c == '"') {
            p = quotedEnd(o, le);
            p = skipSpaces(p, le);
            return p < le && at(p) == ':' && (p + 1 == le || at(p + 1) == ' ') ? p : -1;
        }
        if (!plainStart(o, le)) {
            return -1;
        }
        for (p = o + 1; p < le; p++) {
            char d = at(p);
            if (d == ':' && (p + 1 == le || at(p + 1) == ' ')) {
                return p;
            }
            if (d == '#' && at(p - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    private String keyText(int o, int colon) {
        char c = at(o);
        if (c == '\'' || c == '"') {
            return quotedText(o, quotedEnd(o, colon));
        }
        return s.substring(o, trimEnd(o, colon));
    }

    /** A value that starts on line {@code i} at offset {@code o} and ends on that line. */
    private YamlNode inline(int i, int o, int depth) {
        int le = end[i];
        char c = at(o);
        YamlNode node;
        int after;
        if (c == '[') {
            List<YamlNode> items = new ArrayList<>();
            int p = skipSpaces(o + 1, le);
            if (p < le && at(p) == ']') {
                after = p + 1;
            } else {
                while (true) {
                    p = flowScalar(i, p, le, items::add, false);
                    p = skipSpaces(p, le);
                    if (p < le && at(p) == ']') {
                        after = p + 1;
                        break;
                    }
                    if (p >= le || at(p) != ',') {
                        throw DECLINE;
                    }
                    p = skipSpaces(p + 1, le);
                }
            }
            node = new YamlNode.Sequence(items, i + 1 + lineOffset, o - start[i] + 1);
        } else if (c == '{') {
            Map<String, YamlNode.Entry> entries = new YamlNode.Mapping.Fresh();
            int p = skipSpaces(o + 1, le);
            if (p < le && at(p) == '}') {
                after = p + 1;
            } else {
                while (true) {
                    int k = p;
                    List<YamlNode> key = new ArrayList<>(1);
                    p = flowScalar(i, p, le, key::add, true);
                    if (p + 1 >= le || at(p) != ':' || at(p + 1) != ' ') {
                        throw DECLINE;
                    }
                    String name = ((YamlNode.Scalar) key.get(0)).text();
                    if (name.isEmpty() || name.length() > MAX_KEY || entries.containsKey(name)) {
                        throw DECLINE;
                    }
                    YamlNode[] value = new YamlNode[1];
                    p = flowScalar(i, skipSpaces(p + 1, le), le, n -> value[0] = n, false);
                    entries.put(name, new YamlNode.Entry(name, i + 1 + lineOffset, k - start[i] + 1, value[0]));
                    p = skipSpaces(p, le);
                    if (p < le && at(p) == '}') {
                        after = p + 1;
                        break;
                    }
                    if (p >= le || at(p) != ',') {
                        throw DECLINE;
                    }
                    p = skipSpaces(p + 1, le);
                }
            }
            node = new YamlNode.Mapping(entries, i + 1 + lineOffset, o - start[i] + 1);
        } else if (c == '\'' || c == '"') {
            after = quotedEnd(o, le);
            node = scalar(quotedText(o, after), YamlNode.ScalarKind.STRING, i, o - start[i]);
        } else {
            if (!plainStart(o, le)) {
                throw DECLINE;
            }
            int p = o + 1;
            while (p < le) {
                char d = at(p);
                if (d == ':' && (p + 1 == le || at(p + 1) == ' ')) {
                    throw DECLINE; // "a: b: c" is an error
                }
                if (d == '#' && at(p - 1) == ' ') {
                    break;
                }
                p++;
            }
            String text = s.substring(o, trimEnd(o, p));
            node = scalar(text, kind(text), i, o - start[i]);
            after = p;
        }
        after = skipSpaces(after, le);
        if (after < le && !(at(after) == '#' && at(after - 1) == ' ')) {
            throw DECLINE; // something after the value
        }
        return node;
    }

    /**
     * One scalar inside a flow collection, starting at {@code o}; gives the offset after it. A plain one ends at
     * ',', ']' or '}' (or, for a key, at ':'); anything a flow scalar could mean beyond that is declined.
     */
    private int flowScalar(int i, int o, int le, java.util.function.Consumer<YamlNode> out, boolean key) {
        if (o >= le) {
            throw DECLINE;
        }
        char c = at(o);
        if (c == '\'' || c == '"') {
            int after = quotedEnd(o, le);
            out.accept(scalar(quotedText(o, after), YamlNode.ScalarKind.STRING, i, o - start[i]));
            return after;
        }
        if (!plainStart(o, le)) {
            throw DECLINE;
        }
        int p = o;
        while (p < le) {
            char d = at(p);
            if (d == ',' || d == ']' || d == '}') {
                break;
            }
            if (d == ':') {
                if (key && p + 1 < le && at(p + 1) == ' ') {
                    break;
                }
                throw DECLINE;
            }
            if (d == '#' || d == '?' || d == '[' || d == '{' || d == '\'' || d == '"') {
                throw DECLINE;
            }
            p++;
        }
        int te = trimEnd(o, p);
        String text = s.substring(o, te);
        out.accept(scalar(text, key ? YamlNode.ScalarKind.STRING : kind(text), i, o - start[i]));
        return p;
    }

    /** Can a plain scalar start at {@code o}? Indicators, and "-", "?", ":" before a space, cannot. */
    private boolean plainStart(int o, int le) {
        char c = at(o);
        switch (c) {
            case '-':
                return o + 1 < le && " ,[]{}".indexOf(at(o + 1)) < 0;
            case '<':
                return !(o + 1 < le && at(o + 1) == '<'); // the merge key "<<"
            case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
            case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
                return false; // YAML indicators
            default:
                return c != ' ';
        }
    }

    /** The offset just after a one-line quoted scalar starting at {@code o}; declines escapes and line breaks. */
    private int quotedEnd(int o, int le) {
        char q = at(o);
        for (int p = o + 1; p < le; p++) {
            char d = at(p);
            if (d == q) {
                if (q == '\'' && p + 1 < le && at(p + 1) == '\'') {
                    p++;
                    continue;
                }
                return p + 1;
            }
            if (d == '\\' && q == '"') {
                throw DECLINE;
            }
        }
        throw DECLINE;
    }

    private String quotedText(int o, int after) {
        String inner = s.substring(o + 1, after - 1);
        return at(o) == '\'' && inner.indexOf('\'') >= 0 ? inner.replace("''", "'") : inner;
    }

    private int skipSpaces(int p, int le) {
        while (p < le && at(p) == ' ') {
            p++;
        }
        return p;
    }

    private int trimEnd(int o, int p) {
        while (p > o && at(p - 1) == ' ') {
            p--;
        }
        return p;
    }

    /**
     * A scalar at 0-based column {@code col} of 0-based line {@code i}. Like {@link YamlReader}: a null has the
     * text "", and an absent value ("key:") is the empty text, as Jackson reports it.
     */
    private YamlNode.Scalar scalar(String text, YamlNode.ScalarKind kind, int i, int col) {
        return new YamlNode.Scalar(kind == YamlNode.ScalarKind.NULL ? "" : text, kind, i + 1 + lineOffset, col + 1);
    }

    /**
     * The kind Jackson gives a plain scalar: SnakeYAML's implicit resolvers pick a tag by the first character,
     * and Jackson turns BOOL, INT, FLOAT and NULL into tokens; timestamps and the rest are text. Numbers Jackson
     * would re-read (octal, hex, binary, underscores, base 60, inf, nan) are declined.
     */
    private static YamlNode.ScalarKind kind(String v) {
        char f = v.charAt(0);
        switch (f) {
            case 'y': case 'Y': case 'n': case 'N': case 't': case 'T': case 'f': case 'F': case 'o': case 'O':
                if (isBool(v)) {
                    return YamlNode.ScalarKind.BOOLEAN;
                }
                return v.equals("null") || v.equals("Null") || v.equals("NULL") ? YamlNode.ScalarKind.NULL
                        : YamlNode.ScalarKind.STRING;
            case '~':
                return v.length() == 1 ? YamlNode.ScalarKind.NULL : YamlNode.ScalarKind.STRING;
            case '-': case '+': case '.': case '0': case '1': case '2': case '3': case '4': case '5': case '6':
            case '7': case '8': case '9':
                return number(v);
            default:
                return YamlNode.ScalarKind.STRING;
        }
    }

    private static boolean isBool(String v) {
        switch (v) {
            case "yes": case "Yes": case "YES": case "no": case "No": case "NO": case "true": case "True":
            case "TRUE": case "false": case "False": case "FALSE": case "on": case "On": case "ON": case "off":
            case "Off": case "OFF":
                return true;
            default:
                return false;
        }
    }

    private static YamlNode.ScalarKind number(String v) {
        int n = v.length();
        boolean simple = true; // [-+]?(0|[1-9][0-9]*)
        for (int k = 0; k < n; k++) {
            char c = v.charAt(k);
            if ((c == '-' || c == '+') && k > 0) {
                char b = v.charAt(k - 1);
                if (b != 'e' && b != 'E') {
                    return YamlNode.ScalarKind.STRING; // dates and the like: neither INT nor FLOAT allows this
                }
            }
            if (c < '0' || c > '9') {
                simple &= k == 0 && (c == '-' || c == '+');
            }
        }
        int d = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (simple && n > d && (v.charAt(d) != '0' || n == d + 1)) {
            return YamlNode.ScalarKind.INTEGER;
        }
        if (INT.matcher(v).matches()) {
            throw DECLINE;
        }
        if (FLOAT.matcher(v).matches()) {
            if (v.indexOf('_') >= 0 || v.indexOf(':') >= 0 || v.indexOf('n') >= 0 || v.indexOf('N') >= 0) {
                throw DECLINE;
            }
            return YamlNode.ScalarKind.FLOAT;
        }
        return YamlNode.ScalarKind.STRING;
    }
}
