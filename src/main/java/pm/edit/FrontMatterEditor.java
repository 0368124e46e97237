package pm.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import pm.model.ActionItem;
import pm.model.FrontMatter;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.yaml.YamlNode;

/**
 * Edits the {@code action_items} of a postmortem's front matter as text: sets a field of an item (replacing its value
 * where it is written, or adding a line at the end of the item), appends a new item (creating {@code action_items}
 * when it is absent). Every other byte of the file stays as it was: comments, key order, quoting, indentation, line
 * endings. Values are written in the quoting style the replaced value had where they can be, quoted when YAML needs
 * it ({@code "@lee"}). The edited text is then read again and must give exactly the intended change, else the edit is
 * refused ({@link Refused}): pm never writes a guess.
 *
 * <p>Positions come from the model ({@link ActionItem#written}, the item's span, the front matter's keys), never from
 * searching the text.
 */
public final class FrontMatterEditor {
    /** Why an edit cannot be made safely: a one-line message for the user. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final PostmortemParser parser;
    private final SourceText src;
    private final FrontMatter fm;
    private final String nl;
    /** index in fm.actionItems() → key → value, in the order asked. */
    private final Map<Integer, LinkedHashMap<String, String>> sets = new LinkedHashMap<>();
    private final List<LinkedHashMap<String, String>> appended = new ArrayList<>();

    public FrontMatterEditor(PostmortemParser parser, SourceText src, FrontMatter fm) {
        this.parser = parser;
        this.src = src;
        this.fm = fm;
        this.nl = src.lineSeparator();
    }

    /** Sets field {@code key} of the {@code index}-th (0-based) item of {@link FrontMatter#actionItems} to {@code value}. */
    public FrontMatterEditor set(int index, String key, String value) {
        Objects.requireNonNull(value, "value");
        sets.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Appends an item with these fields, in this order ({@code title} first). */
    public FrontMatterEditor append(Map<String, String> fields) {
        appended.add(new LinkedHashMap<>(fields));
        return this;
    }

    public boolean isEmpty() {
        return sets.isEmpty() && appended.isEmpty();
    }

    /** A text change: replace [start, end) with text. */
    private record Change(int start, int end, String text) {
    }

    /** The edited text (without the byte order mark, which the caller keeps), verified. */
    public String apply() throws Refused {
        if (!fm.present() || !fm.readable() || fm.span() == null || fm.span().line() != 1) {
            throw new Refused("the front matter cannot be read; fix its YAML first (pm lint says where)");
        }
        if (isEmpty()) {
            return src.text();
        }
        List<Change> changes = new ArrayList<>();
        YamlNode.Sequence seq = sequence();
        for (Map.Entry<Integer, LinkedHashMap<String, String>> e : sets.entrySet()) {
            int index = e.getKey();
            if (index < 0 || index >= fm.actionItems().size()) {
                throw new Refused("there is no action item " + (index + 1) + " in the front matter");
            }
            ActionItem item = fm.actionItems().get(index);
            YamlNode node = nodeOf(seq, item);
            if (!(node instanceof YamlNode.Mapping m)) {
                throw new Refused("action item " + (index + 1) + " (line " + item.span().line() + ") is written as one "
                        + "line of text; write it as 'title: …' fields so pm can edit it");
            }
            checkBlock(m, index);
            StringBuilder added = new StringBuilder();
            String indent = " ".repeat(m.column() - 1);
            for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                YamlNode.Entry entry = m.entry(f.getKey());
                if (entry != null && entry.value() != null && !blankAfterColon(entry)) {
                    int line = entry.value().line();
                    int start = src.lineStart(line) + entry.value().column() - 1;
                    int end = valueEnd(line, start);
                    String old = src.text().substring(start, end);
                    changes.add(new Change(start, end, format(f.getValue(), old)));
                } else if (entry != null) { // "key:" with nothing after it (a null value)
                    int line = entry.keyLine();
                    int end = src.lineEnd(line);
                    String lineText = src.lineText(line);
                    int colon = lineText.indexOf(':', entry.keyColumn() - 1 + entry.key().length());
                    if (colon < 0 || !lineText.substring(colon + 1).isBlank()) {
                        throw new Refused("cannot tell where the value of '" + f.getKey() + "' goes on line " + line);
                    }
                    changes.add(new Change(src.lineStart(line) + colon + 1, end, " " + format(f.getValue(), "")));
                } else {
                    added.append(nl).append(indent).append(f.getKey()).append(": ").append(format(f.getValue(), ""));
                }
            }
            if (added.length() > 0) {
                int at = src.lineEnd(lastLine(m));
                changes.add(new Change(at, at, added.toString()));
            }
        }
        if (!appended.isEmpty()) {
            changes.add(appendChange(seq));
        }
        changes.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        String text = src.text();
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Change c : changes) {
            if (c.start() < at) {
                throw new Refused("two edits of the same place in the front matter; make them one at a time");
            }
            out.append(text, at, c.start()).append(c.text());
            at = c.end();
        }
        out.append(text, at, text.length());
        String edited = out.toString();
        verify(edited);
        return edited;
    }

    /** "key:" with nothing (or only a comment) after it on its line: a null value written nowhere. */
    private boolean blankAfterColon(YamlNode.Entry entry) {
        if (!(entry.value() instanceof YamlNode.Scalar s && (s.isNull() || s.text().isBlank()))) {
            return false;
        }
        String line = src.lineText(entry.keyLine());
        int colon = line.indexOf(':', entry.keyColumn() - 1 + entry.key().length());
        if (colon < 0) {
            return false;
        }
        String rest = line.substring(colon + 1).strip();
        return rest.isEmpty();
    }

    private YamlNode.Sequence sequence() throws Refused {
        YamlNode n = fm.raw() == null ? null : fm.raw().get("action_items");
        if (n instanceof YamlNode.Sequence s) {
            return s;
        }
        if (n == null || n instanceof YamlNode.Scalar sc && sc.isNull()) {
            return null;
        }
        throw new Refused("action_items (line " + fm.lineOf("action_items") + ") is not a list; write it as "
                + "'- title: …' items");
    }

    private static YamlNode nodeOf(YamlNode.Sequence seq, ActionItem item) throws Refused {
        if (seq != null) {
            for (YamlNode n : seq.items()) {
                if (n.line() == item.span().line() && n.column() == item.span().column()) {
                    return n;
                }
            }
        }
        throw new Refused("cannot find action item '" + item.title() + "' in the front matter");
    }

    /** A block mapping written "- key: value" with one key a line; a flow mapping ({…}) is refused. */
    private void checkBlock(YamlNode.Mapping m, int index) throws Refused {
        String line = src.lineText(m.line());
        if (m.column() - 1 >= line.length() || line.charAt(m.column() - 1) == '{') {
            throw new Refused("action item " + (index + 1) + " (line " + m.line() + ") is written as {…}; write it "
                    + "as one 'key: value' a line so pm can edit it");
        }
    }

    /** The last line that holds something of a block mapping (its comments after it excluded). */
    private int lastLine(YamlNode.Mapping m) {
        int indent = m.column() - 1;
        int last = m.line();
        int close = fm.span().endLine();
        for (int line = m.line() + 1; line < close; line++) {
            String t = src.lineText(line);
            String s = t.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (leading(t) < indent || leading(t) == indent && s.startsWith("- ") || s.equals("-")) {
                break;
            }
            last = line;
        }
        return last;
    }

    private static int leading(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of a one-line scalar value starting at {@code start} (exclusive; trailing spaces and comment left out). */
    private int valueEnd(int line, int start) throws Refused {
        int lineEnd = src.lineEnd(line);
        String text = src.text();
        if (start >= lineEnd) {
            throw new Refused("cannot edit the value on line " + line + ": it is not written on the key's line");
        }
        char c = text.charAt(start);
        if (c == '"') {
            for (int i = start + 1; i < lineEnd; i++) {
                if (text.charAt(i) == '\\') {
                    i++;
                } else if (text.charAt(i) == '"') {
                    return i + 1;
                }
            }
            throw new Refused("the quoted value on line " + line + " goes on to the next line; join it into one line");
        }
        if (c == '\'') {
            for (int i = start + 1; i < lineEnd; i++) {
                if (text.charAt(i) == '\'') {
                    if (i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        return i + 1;
                    }
                }
            }
            throw new Refused("the quoted value on line " + line + " goes on to the next line; join it into one line");
        }
        if ("|>[{&*!".indexOf(c) >= 0) {
            throw new Refused("the value on line " + line + " is not one line of text (" + c + "…); write it as "
                    + "one line so pm can edit it");
        }
        int end = lineEnd;
        for (int i = start; i < lineEnd; i++) {
            if (text.charAt(i) == '#' && i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                end = i;
                break;
            }
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (line + 1 < fm.span().endLine()) { // a plain value continued on the next line: refuse
            String next = src.lineText(line + 1);
            String s = next.strip();
            int col = start - src.lineStart(line);
            if (!s.isEmpty() && !s.startsWith("#") && leading(next) > col - 1 && !s.contains(": ")
                    && !s.startsWith("- ") && leading(next) >= col) {
                throw new Refused("the value on line " + line + " goes on to the next line; join it into one line");
            }
        }
        return end;
    }

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_(][^\\t#]*");
    private static final java.util.Set<String> SPECIAL = java.util.Set.of("true", "false", "yes", "no", "on", "off",
            "null", "~", "y", "n");

    /** {@code value} written as YAML, in the style of {@code old} (the value it replaces, as written) where it can be. */
    static String format(String value, String old) {
        if (!old.isEmpty() && old.charAt(0) == '\'' && value.indexOf('\n') < 0) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (!old.isEmpty() && old.charAt(0) == '"' || !plainSafe(value)) {
            return doubleQuoted(value);
        }
        return value;
    }

    private static boolean plainSafe(String v) {
        return !v.isEmpty() && v.equals(v.strip()) && PLAIN_SAFE.matcher(v).matches() && !v.contains(": ")
                && !v.endsWith(":") && !v.contains(" #") && !SPECIAL.contains(v.toLowerCase(Locale.ROOT))
                && v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && !looksNumeric(v);
    }

    private static boolean looksNumeric(String v) {
        return v.matches("[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?") || v.matches("0[xob][0-9a-fA-F_]+");
    }

    private static String doubleQuoted(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** The text that appends the new items: after the last item, or as a new action_items key. */
    private Change appendChange(YamlNode.Sequence seq) throws Refused {
        String dash;
        String keys;
        int at;
        StringBuilder sb = new StringBuilder();
        if (seq != null && !seq.items().isEmpty()) {
            YamlNode last = seq.items().get(seq.items().size() - 1);
            YamlNode first = seq.items().get(0);
            String firstLine = src.lineText(first.line());
            int dashAt = firstLine.lastIndexOf('-', first.column() - 2);
            if (dashAt < 0 || !firstLine.substring(0, dashAt).isBlank()) {
                throw new Refused("action_items (line " + fm.lineOf("action_items") + ") is written as [ … ]; write "
                        + "it as '- title: …' items so pm can add one");
            }
            dash = " ".repeat(dashAt);
            keys = " ".repeat(first.column() - 1 - dashAt - 1);
            int lastLine = last instanceof YamlNode.Mapping m ? lastLine(m) : last.line();
            at = src.lineEnd(lastLine);
            for (Map<String, String> item : appended) {
                sb.append(nl);
                item(sb, item, dash, keys);
            }
            return new Change(at, at, sb.toString());
        }
        java.util.Optional<FrontMatter.Key> key = fm.key("action_items");
        int indent = nestedIndent();
        dash = " ".repeat(indent);
        keys = " ";
        if (key.isPresent()) {
            int line = key.get().span().line();
            String lineText = src.lineText(line);
            int colon = lineText.indexOf(':', key.get().span().column() - 1 + "action_items".length());
            String after = colon < 0 ? "?" : lineText.substring(colon + 1).strip();
            if (!(after.isEmpty() || after.equals("[]") || after.startsWith("#") || after.startsWith("[]")
                    && after.substring(2).strip().startsWith("#"))) {
                throw new Refused("cannot add to action_items on line " + line + "; write it as '- title: …' items");
            }
            int start = src.lineStart(line) + colon + 1;
            String rest = lineText.substring(colon + 1);
            // keep a comment after the key; drop the [] it replaces
            String comment = rest.contains("#") ? " " + rest.substring(rest.indexOf('#')) : "";
            sb.append(comment);
            for (Map<String, String> item : appended) {
                sb.append(nl);
                item(sb, item, dash, keys);
            }
            return new Change(start, src.lineEnd(line), sb.toString());
        }
        int close = fm.span().endLine();
        at = src.lineStart(close);
        sb.append("action_items:");
        for (Map<String, String> item : appended) {
            sb.append(nl);
            item(sb, item, dash, keys);
        }
        sb.append(nl);
        return new Change(at, at, sb.toString());
    }

    /** The indentation the front matter uses for nested keys (its first indented line), else two spaces. */
    private int nestedIndent() {
        for (int line = 2; line < fm.span().endLine(); line++) {
            String t = src.lineText(line);
            int n = leading(t);
            if (n > 0 && !t.isBlank() && !t.strip().startsWith("#")) {
                return n;
            }
        }
        return 2;
    }

    private void item(StringBuilder sb, Map<String, String> item, String dash, String keys) {
        boolean first = true;
        String keyIndent = dash + " " + keys;
        for (Map.Entry<String, String> f : item.entrySet()) {
            if (first) {
                sb.append(dash).append('-').append(keys);
                first = false;
            } else {
                sb.append(nl).append(keyIndent);
            }
            sb.append(f.getKey()).append(": ").append(format(f.getValue(), ""));
        }
    }

    /** The edited front matter must read, and differ from the old one in exactly the intended values. */
    private void verify(String edited) throws Refused {
        FrontMatter after = parser.frontMatter(SourceText.of(edited));
        if (!after.present() || !after.readable()) {
            throw new Refused("the edited front matter would not read as YAML; nothing was changed (edit it by hand)");
        }
        Object expected = plain(fm.raw());
        @SuppressWarnings("unchecked")
        Map<String, Object> exp = (Map<String, Object>) expected;
        List<Object> items = new ArrayList<>();
        Object oldItems = exp.get("action_items");
        if (oldItems instanceof List<?> l) {
            items.addAll(l);
        }
        YamlNode.Sequence seq = sequence();
        for (Map.Entry<Integer, LinkedHashMap<String, String>> e : sets.entrySet()) {
            ActionItem item = fm.actionItems().get(e.getKey());
            int pos = seq.items().indexOf(nodeOf(seq, item));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) items.get(pos));
            m.putAll(e.getValue());
            items.set(pos, m);
        }
        items.addAll(appended);
        Map<String, Object> want = new LinkedHashMap<>(exp);
        if (!items.isEmpty() || want.containsKey("action_items")) {
            want.put("action_items", items);
        }
        Object got = plain(after.raw());
        if (!unordered(want).equals(unordered(got))) {
            throw new Refused("the edited front matter would not read back as intended; nothing was changed (edit "
                    + "action_items by hand)");
        }
    }

    /** Maps compared without their order (a new key is added at the end of an item). */
    private static Object unordered(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.HashMap<>();
            m.forEach((k, v) -> out.put(k, unordered(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(FrontMatterEditor::unordered).toList();
        }
        return o;
    }

    /** A node without its positions: text (or null), lists, maps. */
    static Object plain(YamlNode n) {
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.text();
        }
        if (n instanceof YamlNode.Sequence seq) {
            List<Object> out = new ArrayList<>();
            for (YamlNode i : seq.items()) {
                out.add(plain(i));
            }
            return out;
        }
        YamlNode.Mapping m = (YamlNode.Mapping) n;
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            out.put(e.key(), plain(e.value()));
        }
        return out;
    }
}
