package pm.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated postmortems for fuzzing: valid ones with random fields, then mutated the ways real files get
 * broken (bytes flipped, cut short, lines shuffled, YAML and Markdown fragments pasted in, odd unicode,
 * CRLF and BOM) and the ways hostile ones are made (containers nested thousands deep, YAML anchors and aliases,
 * control characters and terminal sequences in every field).
 */
final class PostmortemArbitraries {
    private PostmortemArbitraries() {
    }

    /** Fragments that break YAML or Markdown in interesting ways. */
    static final List<String> FRAGMENTS = List.of(
            "---", "...", "---\n", "\n---\n", "<!--", "-->", "<!-- x", "```", "~~~", "```yaml\n", "|", "| a | b |",
            "|---|---|", "|-|", "&a [*a, *a]", "*a", "<<: *a", "!!java.net.URL [\"http://x/\"]",
            "!!javax.script.ScriptEngineManager []", "!<tag:yaml.org,2002:str> x", "? complex\n: key", "{", "}", "[", "]",
            "\t", "\ttitle: x", "title: a\ntitle: b", "key: \"unterminated", "'", "\"", ": ", "- ", "- [ ] ", "- [x] ",
            "# ", "## Action items\n", "## Timeline\n", "===", "> ", "    code", "\r", "\r\n", "\n\n", "\uFEFF",
            "\u0000", "\u0007", "\u001b[31m", "\u202E", "\uFFFF", "\uD83D\uDD25", "\u00e9", "e\u0301", "@", "@@",
            "owner: @x", "due: 2024-02-30", "due 2025-13-45", "P9", "P0", "status: ✅", "[link](", "![img](x",
            "<script>", "<div>", "&amp;", "\\", "\\|", "*", "**", "_", "`", "[^1]", "[x]: http://x",
            "9999-99-99", "2024-02-29T25:61:00Z", "1e309", "-0", "0x1F", ".inf", "~", "null", "yes", "%YAML 1.2",
            "%TAG ! tag:x,2000:", "---\n--- \n", "action_items:\n  - ", "incident:\n  started: ",
            "|\n\t``| a | b |\n|---|---|\n");

    private static final List<String> WORDS = List.of("the", "database", "failover", "alert", "on-call", "paged",
            "disk", "full", "Maria", "Sam", "forgot", "careless", "should", "have", "deployed", "rollback", "improve",
            "monitoring", "investigate", "fix", "latency", "p99", "503", "payments-api", "k8s", "node", "💥", "日本語",
            "Zürich", "naïve", "human error", "operator", "somebody", "fault", "blamed", "config", "TTL", "DNS");

    static Arbitrary<String> words(int min, int max) {
        return Arbitraries.of(WORDS).list().ofMinSize(min).ofMaxSize(max).map(l -> String.join(" ", l));
    }

    static Arbitrary<String> oddText() {
        return Arbitraries.oneOf(words(0, 8), Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of(FRAGMENTS));
    }

    private static Arbitrary<String> yamlValue() {
        return Arbitraries.oneOf(
                words(1, 4),
                words(1, 4).map(s -> "\"" + s + "\""),
                Arbitraries.of("2025-03-14", "2024-02-30", "next week", "2025-03-14T09:12:00Z", "3", "true", "null",
                        "", "[]", "{}", "[a, b]", "SEV1", "sev2", "P1", "open", "done", "closed", "✅", "\"@maria\""),
                oddText().map(s -> s.replace("\n", " ")));
    }

    private static Arbitrary<String> frontMatter() {
        // a waiver, well formed or not, on some items
        Arbitrary<String> waiver = Arbitraries.oneOf(Arbitraries.just(""),
                yamlValue().map(v -> "    waiver: " + v + "\n"),
                Combinators.combine(yamlValue(), yamlValue(), yamlValue()).as((r, b, d) -> "    waiver: {reason: " + r
                        + ", by: " + b + ", date: " + d + "}\n"),
                Combinators.combine(yamlValue(), yamlValue(), yamlValue()).as((r, b, d) -> "    waiver:\n      reason: "
                        + r + "\n      by: " + b + "\n      date: " + d + "\n"));
        Arbitrary<String> actionItem = Combinators.combine(yamlValue(), yamlValue(), yamlValue(), yamlValue(),
                yamlValue(), waiver).as((t, o, d, p, s, w) -> "  - title: " + t + "\n    owner: " + o + "\n    due: "
                        + d + "\n    priority: " + p + "\n    status: " + s + "\n" + w);
        return Combinators.combine(yamlValue(), yamlValue(), yamlValue(), yamlValue(), yamlValue(), yamlValue(),
                actionItem.list().ofMaxSize(4))
                .as((title, date, sev, status, started, resolved, items) -> "---\ntitle: " + title + "\ndate: " + date
                        + "\nseverity: " + sev + "\nstatus: " + status + "\nauthors: [" + title + "]\nservices: "
                        + sev + "\nincident:\n  started: " + started + "\n  resolved: " + resolved
                        + "\naction_items:\n" + String.join("", items) + "---\n");
    }

    private static final List<String> HEADINGS = List.of("Summary", "Timeline", "Impact assessment",
            "Root cause analysis", "What went well", "What went poorly", "Action items", "Lessons learned",
            "Contributing factors", "Appendix");

    private static Arbitrary<String> section() {
        Arbitrary<String> row = Arbitraries.oneOf(words(0, 6), oddText()).list().ofMinSize(1).ofMaxSize(6)
                .map(cells -> "| " + String.join(" | ", cells) + " |\n");
        Arbitrary<String> table = row.list().ofMaxSize(6).map(rows -> "| Time | Event | Source |\n|---|---|---|\n"
                + String.join("", rows));
        Arbitrary<String> actionTable = row.list().ofMaxSize(6).map(rows ->
                "| Action item | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n" + String.join("", rows));
        Arbitrary<String> listItem = Combinators.combine(Arbitraries.of("- ", "- [ ] ", "- [x] ", "1. ", "* "),
                words(1, 10), Arbitraries.of("", " @maria", " owner: Sam", " due 2025-04-01", " P1", " status: done"))
                .as((b, w, tail) -> b + w + tail + "\n");
        Arbitrary<String> block = Arbitraries.oneOf(words(1, 30).map(s -> s + "\n"), table, actionTable,
                listItem.list().ofMaxSize(5).map(l -> String.join("", l)), oddText().map(s -> s + "\n"),
                words(1, 10).map(s -> "<!-- " + s + " -->\n"), words(1, 10).map(s -> "```\n" + s + "\n```\n"),
                words(1, 10).map(s -> "> " + s + "\n"));
        return Combinators.combine(Arbitraries.of(HEADINGS), Arbitraries.integers().between(1, 4),
                block.list().ofMaxSize(4))
                .as((h, level, blocks) -> "#".repeat(level) + " " + h + "\n\n" + String.join("\n", blocks) + "\n");
    }

    /** A postmortem in the shape people write, with random (often wrong) values. */
    static Arbitrary<String> postmortems() {
        return Combinators.combine(frontMatter(), words(1, 5), section().list().ofMaxSize(10))
                .as((fm, title, sections) -> fm + "\n# " + title + "\n\n" + String.join("\n", sections));
    }

    /** One way a file gets broken, applied with its own random choices. */
    record Mutation(String kind, long seed, String fragment) {
        byte[] apply(byte[] in) {
            Random r = new Random(seed);
            String s = new String(in, StandardCharsets.UTF_8);
            switch (kind) {
                case "flip": {
                    byte[] out = in.clone();
                    for (int i = 0, n = 1 + r.nextInt(4); i < n && out.length > 0; i++) {
                        out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                    return out;
                }
                case "truncate":
                    return Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
                case "shuffle": {
                    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                    if (lines.size() > 1) {
                        int a = r.nextInt(lines.size());
                        int b = Math.min(lines.size(), a + 1 + r.nextInt(8));
                        Collections.shuffle(lines.subList(a, b), r);
                    }
                    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                }
                case "dropLine":
                case "dupLine": {
                    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    if (kind.equals("dropLine")) {
                        lines.remove(i);
                    } else {
                        lines.add(i, lines.get(i));
                    }
                    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                }
                case "inject": {
                    int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
                    if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) {
                        at--;
                    }
                    return (s.substring(0, at) + fragment + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
                case "crlf":
                    return s.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
                case "cr":
                    return s.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
                case "bom": {
                    byte[] out = new byte[in.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(in, 0, out, 3, in.length);
                    return out;
                }
                case "latin1":
                    return s.getBytes(StandardCharsets.ISO_8859_1);
                case "deep": // one container nested up to 3,000 deep, at the start of a line
                    return atLine(s, r, deep(r)).getBytes(StandardCharsets.UTF_8);
                case "alias": { // an anchor in the front matter and aliases to it in its fields
                    String anchor = "a" + r.nextInt(3);
                    String value = ALIASED.get(r.nextInt(ALIASED.size()));
                    String field = ALIAS_FIELDS.get(r.nextInt(ALIAS_FIELDS.size()));
                    String out = s.replaceFirst("\n", "\nx-" + anchor + ": &" + anchor + " " + value.replace("$", "\\$")
                            + "\n");
                    // possessive [ \t]*+, not \s*: \s crosses line breaks and two greedy runs side by side try every
                    // split of a blank run, so on the "deep" mutation's indentation (up to 6,000 spaces a line, 3,000
                    // lines) the search backtracked for hours; this is linear in the file's length
                    return out.replaceFirst("(?m)^([ \t]*+-?[ \t]*+)" + field + ":.*$", "$1" + field + ": *"
                            + (r.nextInt(5) == 0 ? "nowhere" : anchor)).getBytes(StandardCharsets.UTF_8);
                }
                case "control": { // control characters inside a field's value: titles, owners, statuses, headings
                    String c = CONTROLS.get(r.nextInt(CONTROLS.size()));
                    String field = CONTROL_FIELDS.get(r.nextInt(CONTROL_FIELDS.size()));
                    int at = s.indexOf(field);
                    if (at < 0) {
                        return in;
                    }
                    int end = s.indexOf('\n', at);
                    int where = end < 0 ? s.length() : end;
                    return (s.substring(0, where) + c + "x" + s.substring(where)).getBytes(StandardCharsets.UTF_8);
                }
                default:
                    throw new IllegalStateException(kind);
            }
        }
    }

    /** Values an anchor may name: scalars, a date, an owner, a list, a mapping, an item. */
    private static final List<String> ALIASED = List.of("\"@zed\"", "2025-02-01", "P1", "open", "SEV2", "[a, b]",
            "{title: x, owner: \"@a\"}", "\"\"", "null", "[*a0]");
    private static final List<String> ALIAS_FIELDS = List.of("owner", "due", "priority", "status", "title", "severity",
            "date", "services", "authors");
    /** C0 controls, DEL, C1 controls, terminal sequences (CSI, OSC 8, OSC 52), line and paragraph separators. */
    private static final List<String> CONTROLS = List.of("\u001b[2J", "\u001b]8;;http://x/\u0007y\u001b]8;;\u0007",
            "\u001b]52;c;eA==\u0007", "\u0000", "\u0007", "\b", "\u000b", "\f", "\r", "\u007f", "\u0085", "\u009b31m",
            "\u2028", "\u2029", "\u202e", "\t", "\\n", "\\u001b");
    private static final List<String> CONTROL_FIELDS = List.of("title:", "owner:", "status:", "services:", "## ",
            "# ", "| ", "- [ ] ", "authors:");

    /** A container nested {@code depth} deep: lists, quotes, markers on one line, emphasis, links, HTML, brackets. */
    private static String deep(Random r) {
        int depth = 1 + (r.nextBoolean() ? r.nextInt(40) : r.nextInt(3000));
        StringBuilder b = new StringBuilder();
        switch (r.nextInt(9)) {
            case 0 -> { // a list, one level a line, indented two more each time
                for (int i = 0; i < depth; i++) {
                    b.append("  ".repeat(i)).append("- level ").append(i).append('\n');
                }
            }
            case 1 -> { // an ordered list indented four a level
                for (int i = 0; i < depth; i++) {
                    b.append("    ".repeat(i)).append(i + 1).append(". step\n");
                }
            }
            case 2 -> b.append("- ".repeat(depth)).append("x\n");
            case 3 -> b.append("> ".repeat(depth)).append("quoted\n");
            case 4 -> { // quotes that grow one a line
                for (int i = 1; i <= depth; i++) {
                    b.append(">".repeat(i)).append(" q\n");
                }
            }
            case 5 -> b.append("*".repeat(depth)).append("x").append("*".repeat(depth)).append('\n');
            case 6 -> b.append("[".repeat(depth)).append("x").append("](u)".repeat(depth)).append('\n');
            case 7 -> b.append("<div>".repeat(depth)).append("x").append("</div>".repeat(depth)).append('\n');
            default -> { // lists inside quotes inside lists
                for (int i = 0; i < depth; i++) {
                    b.append("  ".repeat(i)).append(i % 2 == 0 ? "- " : "> ").append("x\n");
                }
            }
        }
        return b.toString();
    }

    /** {@code s} with {@code insert} placed at the start of a random line. */
    private static String atLine(String s, Random r, String insert) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        int at = starts.get(r.nextInt(starts.size()));
        return s.substring(0, at) + insert + s.substring(at);
    }

    static Arbitrary<Mutation> mutations() {
        Arbitrary<String> kind = Arbitraries.of("flip", "truncate", "shuffle", "dropLine", "dupLine", "inject",
                "inject", "inject", "crlf", "cr", "bom", "latin1", "deep", "alias", "alias", "control", "control");
        return Combinators.combine(kind, Arbitraries.longs(), oddText()).as(Mutation::new);
    }

    /** A postmortem, valid or from a template, broken by up to four mutations, as the bytes of a file. */
    static Arbitrary<byte[]> files() {
        Arbitrary<String> base = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, postmortems()),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Inputs.CLEAN)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Templates.TEXTS)));
        return Combinators.combine(base, mutations().list().ofMaxSize(4)).as((text, ms) -> {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            for (Mutation m : ms) {
                b = m.apply(b);
            }
            return b;
        });
    }

    /** The built-in templates as pm new fills them in. */
    static final class Templates {
        static final List<String> TEXTS = load();

        private static List<String> load() {
            List<String> out = new ArrayList<>();
            for (String name : pm.scaffold.Templates.BUILT_IN) {
                try {
                    out.add(pm.scaffold.Scaffold.render(new pm.scaffold.Templates(null).load(name), "Disk full: db-1",
                            java.time.LocalDate.of(2025, 3, 14), "SEV2", List.of("payments"), List.of("Ada")));
                } catch (pm.io.InputException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    }
}
