package pm.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path is only an optimisation: for every document it either declines or builds exactly the tree
 * Jackson builds — the same node kinds, texts, scalar kinds, lines, columns and key order — and it declines
 * everything Jackson rejects, so errors keep Jackson's messages.
 */
class SimpleYamlTest {
    /** Documents in the subset: the fast path must read them (and agree with Jackson). */
    private static final List<String> IN_SUBSET = List.of(
            "",
            "\n\n",
            "# only a comment\n",
            "title: Payment API outage\n",
            "title: Payment API outage",
            "a: 1\nb: -2\nc: +3\nd: 0\ne: 1.5\nf: -0.25\ng: 1e5\nh: .5\ni: 1.\n",
            "a: yes\nb: No\nc: TRUE\nd: false\ne: on\nf: OFF\ng: y\nh: n\ni: Yes please\n",
            "a: null\nb: ~\nc: NULL\nd: Null\ne: nil\nf:\ng: ~x\n",
            "date: 2025-03-14\nstarted: 2025-03-14T09:12:00Z\ndetected: 2025-03-14 10:20:00+01:00\n",
            "time: 09:12\nport: 8080\nversion: 1.2.3\nip: 10.0.0.1\n",
            "owner: \"@maria\"\nother: '@sam'\nq: 'it''s'\nr: \"\"\ns: ''\nt: '  spaced  '\n",
            "link: https://tracker/ISSUE-1\nhash: a#b\ncomment: text # a comment\nx: a,b [c] {d}\n",
            "authors: [Ada, \"@grace\", 'Lin', 3, true, ~]\nempty: []\nspaced: [ a , b ]\n",
            "map: {a: 1, b: two, 'c': \"d\"}\nnone: {}\n",
            "services:\n  - payments\n  - checkout\n",
            "services:\n- payments\n- checkout\nnext: 1\n",
            "items:\n  - title: A\n    owner: \"@maria\"\n    due: 2025-04-01\n  - title: B\n    due:\n",
            "items:\n- title: A\n  owner: x\n- title: B\n",
            "items:\n  -\n  - \n  - # comment\n  - x\n",
            "incident:\n  started: 2025-03-14T09:12:00Z\n  resolved:\n\nafter: 1\n",
            "a:\n  b:\n    c:\n      - d\n      - e: f\n        g: h\n",
            "- a\n- b\n",
            "- a: 1\n  b: 2\n- c\n",
            "  indented: 1\n  root: 2\n",
            "title: x\r\ndate: 2025-01-01\r\nitems:\r\n  - a\r\n",
            "title: x   \nother: y  \n",
            "\"quoted key\": 1\n'single key': 2\nkey with spaces: 3\nk: v\n",
            "a: 1 # one\n# between\n\n   # indented comment\nb: 2\n",
            "title: Ünïcødé — “quotes” ü\n",
            "url: http://x:80/y\nk:v: w\n",
            "n: -\u0031\nm: -x\np: +x\nq: .x\nr: 1-2\ns: 1e-5\nt: 1E+5\nu: 12345678901234567890\n",
            "k: <none>\nl: a < b\n",
            "k:\n- a\n-\n- b\n");

    /** Documents outside the subset (or errors): the fast path must decline them. */
    private static final List<String> OUTSIDE = List.of(
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: |\n  text\n",
            "a: >\n  text\n",
            "a: multi\n  line\n",
            "a: \"multi\n  line\"\n",
            "a: \"esc\\tape\"\n",
            "? complex\n: key\n",
            "a:\tb\n",
            "a: 1\na: 2\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "a: 0x1F\nb: 017\nc: 1_000\nd: 1:30\ne: .inf\nf: .nan\n",
            "a: b: c\n",
            "just a scalar\n",
            "[a, b]\n",
            "a: [a, [b]]\n",
            "a: [a,]\n",
            "a: {a: [1]}\n",
            "a:\n  value on its own line\n",
            "a: 1\n  b: 2\n",
            "a: 'unclosed\n",
            "a: @x\n",
            "a: `x`\n",
            "a: %x\n",
            "<<: {a: 1}\n",
            "a: x\rb: y\n",
            "a: x\u2028b: y\n",
            "a: \uFEFFx\n",
            "a: \uD83D\uDE00\n");

    @Test
    void readsTheSubsetExactlyAsJacksonDoes() throws Exception {
        for (String yaml : IN_SUBSET) {
            SimpleYaml.Outcome fast = SimpleYaml.read(yaml, 1);
            assertThat(fast).as("the fast path reads %s", show(yaml)).isNotNull();
            assertThat(render(fast.root())).as(show(yaml)).isEqualTo(jackson(yaml, 1));
        }
    }

    @Test
    void declinesWhatIsOutsideTheSubset() {
        for (String yaml : OUTSIDE) {
            assertThat(SimpleYaml.read(yaml, 1)).as("the fast path declines %s", show(yaml)).isNull();
        }
    }

    @Test
    void scalarKindsMatchJacksonForEveryPlainValue() {
        List<String> values = new ArrayList<>(List.of("yes", "Yes", "YES", "yEs", "no", "NO", "nO", "y", "Y", "n",
                "N", "true", "True", "TRUE", "tRue", "false", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null",
                "Null", "NULL", "nULL", "~", "0", "00", "08", "09", "012", "-0", "+0", "-", "+", ".", "-.", "1",
                "-1", "+1", "123", "1.", "1.0", "-1.5", "+.5", ".5", "1e5", "1E5", "1e+5", "1e-5", "1.5e3", "1.5E-3",
                "1_000", "0b101", "0x1f", "0xG", "1:30", "1:30.5", "190:20:30", ".inf", "-.Inf", ".NaN", "2025-03-14",
                "2025-3-4", "2025-03-14T09:12:00Z", "2025-03-14 09:12:00", "10.0.0.1", "1.2.3", "1-2", "1e", "e1",
                "0.", "0.0", "00.5", "1__0", "+-1", "--1", "1+", "P1", "SEV2", "v1.2", "12:00", "09:12", "4:5:6",
                "1,000", "1 000", "12345678901234567890123", "-12345678901234567890123"));
        for (String v : values) {
            String yaml = "k: " + v + "\n";
            String expected;
            try {
                expected = jackson(yaml, 0);
            } catch (Exception e) {
                continue;
            }
            SimpleYaml.Outcome fast = SimpleYaml.read(yaml, 0);
            if (fast != null) {
                assertThat(render(fast.root())).as(v).isEqualTo(expected);
            }
        }
    }

    @Test
    void agreesWithJacksonOnEveryTestAndExampleInput() throws IOException {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(200);
        int read = 0;
        for (String yaml : corpus) {
            read += compare(yaml) ? 1 : 0;
        }
        assertThat(read).as("documents the fast path read").isGreaterThan(corpus.size() / 3);
    }

    @Test
    void agreesWithJacksonOnGeneratedAndMutatedFrontMatter() {
        Random random = new Random(20250314);
        int read = 0;
        int total = 0;
        for (int n = 0; n < 6000; n++) {
            String yaml = generate(random);
            int mutations = n % 2 == 0 ? 0 : 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                yaml = mutate(random, yaml);
            }
            total++;
            read += compare(yaml) ? 1 : 0;
        }
        assertThat(read).as("generated documents the fast path read").isGreaterThan(total / 4);
    }

    @Test
    void readerUsesTheFastPathAndFallsBackToJackson() throws YamlException {
        YamlReader reader = new YamlReader(1);
        assertThat(render(reader.read("a: 1\nb: [x]\n"))).isEqualTo(render(reader.readWithJackson("a: 1\nb: [x]\n")));
        assertThat(render(reader.read("a: &x 1\nb: *x\n"))).isEqualTo(render(reader.readWithJackson("a: &x 1\nb: *x\n")));
        assertThat(reader.read("# nothing\n")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read("a: 1\na: 2\n"))
                .isInstanceOf(YamlException.class).hasMessage("duplicate key 'a' (first at line 2)");
    }

    /** True when the fast path read {@code yaml}; fails the test when it read it differently from Jackson. */
    private static boolean compare(String yaml) {
        String expected;
        try {
            expected = jackson(yaml, 1);
        } catch (YamlException e) {
            expected = "error: " + e.getMessage();
        }
        SimpleYaml.Outcome fast = SimpleYaml.read(yaml, 1);
        if (fast == null) {
            return false;
        }
        assertThat(render(fast.root())).as("fast path on %s", show(yaml)).isEqualTo(expected);
        return true;
    }

    private static String jackson(String yaml, int offset) throws YamlException {
        return render(new YamlReader(offset).readWithJackson(yaml));
    }

    /** The whole tree as text, with every position, kind and the key order. */
    static String render(YamlNode node) {
        StringBuilder b = new StringBuilder();
        render(node, b);
        return b.toString();
    }

    private static void render(YamlNode node, StringBuilder b) {
        if (node == null) {
            b.append("null-document");
            return;
        }
        b.append('@').append(node.line()).append(':').append(node.column());
        if (node instanceof YamlNode.Scalar s) {
            b.append(s.kind()).append('<').append(s.text()).append('>');
        } else if (node instanceof YamlNode.Sequence seq) {
            b.append('[');
            for (YamlNode item : seq.items()) {
                render(item, b);
                b.append(", ");
            }
            b.append(']');
        } else if (node instanceof YamlNode.Mapping map) {
            b.append('{');
            for (Map.Entry<String, YamlNode.Entry> e : map.entries().entrySet()) {
                YamlNode.Entry entry = e.getValue();
                b.append('<').append(e.getKey()).append('|').append(entry.key()).append(">@").append(entry.keyLine())
                        .append(':').append(entry.keyColumn()).append('=');
                render(entry.value(), b);
                b.append("; ");
            }
            b.append('}');
        }
    }

    private static String show(String yaml) {
        return "\"" + yaml.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    /**
     * Every string literal and text block of the test sources (most are front matter or YAML given to a parser
     * test), and the front matter of the templates, examples and built-in files.
     */
    private static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        Pattern block = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String java = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = block.matcher(java);
                while (m.find()) {
                    addDocument(out, translate(m.group(1).stripIndent()));
                }
                m = literal.matcher(java.replaceAll("(?s)\"\"\".*?\"\"\"", ""));
                while (m.find()) {
                    String s = translate(m.group(1));
                    if (s.contains(":") || s.contains("- ")) {
                        addDocument(out, s);
                    }
                }
            }
        }
        for (String dir : List.of("templates", "src/examples", "src/main/resources")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    addDocument(out, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String translate(String s) {
        try {
            return s.translateEscapes();
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The text itself, and when it holds front matter, the YAML between its '---' lines. */
    private static void addDocument(List<String> out, String text) {
        out.add(text);
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.startsWith("---\n") || t.startsWith("---\r\n")) {
            int from = t.indexOf('\n') + 1;
            Matcher close = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*\\r?$", Pattern.MULTILINE).matcher(t);
            if (close.find(from)) {
                out.add(t.substring(from, close.start()));
            }
        }
    }

    private static final String[] KEYS = {"title", "date", "severity", "status", "authors", "services", "incident",
        "started", "detected", "resolved", "action_items", "owner", "due", "priority", "link", "follow_up_reviewed",
        "\"quoted\"", "'single'", "two words", "k-1", "null", "1", "~", "yes", "a:b", "é"};

    /** Values front matter uses, all inside the subset. */
    private static final String[] SCALARS = {"Payment API outage", "2025-03-14", "2025-3-4", "2025-03-14T09:12:00Z",
        "2025-03-14 10:20:00+01:00", "SEV2", "in-review", "@maria", "\"@maria\"", "'@sam'", "'it''s'", "\"\"", "''",
        "TBD", "yes", "No", "on", "true", "FALSE", "y", "n", "null", "~", "Null", "0", "-1", "+1", "1.5", ".5",
        "1e5", "09:12", "a #comment", "a#b", "http://x:80/y", "[a, b]", "['a', \"b\", 3]", "[]", "{a: 1, b: x}",
        "{}", "<none>", "-x", "x, y", "Ünï “q”", "text   ", "1.2.3", "P1", "[ a , b ]", "{ a: 1 }", "[a, b] # c",
        "'q' # c"};

    /** Values outside the subset or wrong: Jackson reads them or reports the error. */
    private static final String[] WILD = {"00", "012", "08", "1_000", "0x1F", "1:30", ".inf", ".NaN", "a: b",
        "[a, [b]]", "[a,]", "<<", "&x v", "*x", "!tag v", "|", ">", "%x", "@x", "`x`", "?x", "? x", ":x", "- x",
        "-", "\"esc\\n\"", "'unclosed", "\"unclosed", "'q' x", "[a, b", "{a: }", "{a}", "[a: b]"};

    private static String scalar(Random r) {
        return r.nextInt(40) == 0 ? WILD[r.nextInt(WILD.length)] : SCALARS[r.nextInt(SCALARS.length)];
    }

    /** A front-matter-like document built from the pieces real ones use. */
    private static String generate(Random r) {
        StringBuilder b = new StringBuilder();
        String nl = r.nextInt(10) == 0 ? "\r\n" : "\n";
        int step = 1 + r.nextInt(4);
        int fields = 1 + r.nextInt(8);
        for (int i = 0; i < fields; i++) {
            field(r, b, 0, step, nl, 0);
        }
        return b.toString();
    }

    private static void field(Random r, StringBuilder b, int indent, int step, String nl, int depth) {
        String pad = " ".repeat(indent);
        String key = r.nextInt(200) == 0 ? "@at" : KEYS[r.nextInt(KEYS.length)] + (r.nextInt(3) == 0 ? ""
                : String.valueOf(r.nextInt(1000)));
        switch (depth > 3 ? 0 : r.nextInt(8)) {
            case 0, 1, 2 -> b.append(pad).append(key).append(": ").append(scalar(r))
                    .append(r.nextInt(8) == 0 ? " # note" : "").append(nl);
            case 3 -> b.append(pad).append(key).append(':').append(r.nextBoolean() ? "" : "  # empty").append(nl);
            case 4 -> {
                b.append(pad).append(key).append(':').append(nl);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    field(r, b, indent + step, step, nl, depth + 1);
                }
            }
            default -> {
                b.append(pad).append(key).append(':').append(nl);
                String dash = " ".repeat(r.nextBoolean() ? indent : indent + step) + "-";
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    int kind = r.nextInt(4);
                    if (kind == 0) {
                        b.append(dash).append(' ').append(scalar(r)).append(nl);
                    } else if (kind == 1) {
                        b.append(dash).append(r.nextBoolean() ? "" : " ").append(nl);
                    } else {
                        // "- title: …" then the item's other fields under its first key
                        int col = dash.length() + 1;
                        b.append(dash).append(' ').append("title: ").append(scalar(r))
                                .append(nl);
                        int m = r.nextInt(4);
                        for (int k = 0; k < m; k++) {
                            field(r, b, col, step, nl, depth + 2);
                        }
                    }
                }
            }
        }
        if (r.nextInt(12) == 0) {
            b.append(r.nextBoolean() ? "" : pad + "# a comment").append(nl);
        }
    }

    private static final String NOISE = " :-#'\"[]{},\t\n\r\u00a0é\u2028\uFEFF?&*!|>%@`~0yx.";

    private static String mutate(Random r, String yaml) {
        if (yaml.isEmpty()) {
            return yaml;
        }
        int at = r.nextInt(yaml.length());
        return switch (r.nextInt(4)) {
            case 0 -> yaml.substring(0, at) + NOISE.charAt(r.nextInt(NOISE.length())) + yaml.substring(at);
            case 1 -> yaml.substring(0, at) + yaml.substring(at + 1);
            case 2 -> yaml.substring(0, at) + " " + yaml.substring(at);
            default -> {
                int nl = yaml.indexOf('\n', at);
                yaml = nl < 0 ? yaml : yaml.substring(0, nl + 1) + yaml.substring(at, nl + 1) + yaml.substring(nl + 1);
                yield yaml;
            }
        };
    }
}
