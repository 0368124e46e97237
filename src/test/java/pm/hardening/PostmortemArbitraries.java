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
 * CRLF and BOM).
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
        Arbitrary<String> actionItem = Combinators.combine(yamlValue(), yamlValue(), yamlValue(), yamlValue(),
                yamlValue()).as((t, o, d, p, s) -> "  - title: " + t + "\n    owner: " + o + "\n    due: " + d
                        + "\n    priority: " + p + "\n    status: " + s + "\n");
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
                default:
                    throw new IllegalStateException(kind);
            }
        }
    }

    static Arbitrary<Mutation> mutations() {
        Arbitrary<String> kind = Arbitraries.of("flip", "truncate", "shuffle", "dropLine", "dupLine", "inject",
                "inject", "inject", "crlf", "cr", "bom", "latin1");
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
