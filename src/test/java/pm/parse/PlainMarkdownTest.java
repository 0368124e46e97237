package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pm.model.Postmortem;
import pm.model.ProseBlock;
import pm.model.SourceText;

/**
 * The plain-Markdown reader gives exactly the model flexmark's tree gives, and hands everything else to
 * flexmark: checked on the templates, the examples and thousands of generated and mutated documents.
 */
class PlainMarkdownTest {
    private final PostmortemParser parser = new PostmortemParser(Schema.DEFAULT);

    /** The model as text, arrays included, so two models can be compared and a difference shown. */
    static String describe(Postmortem pm) {
        StringBuilder sb = new StringBuilder();
        pm.sections().forEach(s -> sb.append("section ").append(s).append('\n'));
        pm.timeline().forEach(t -> sb.append("timeline ").append(t).append('\n'));
        pm.bodyActionItems().forEach(a -> sb.append("item ").append(a).append('\n'));
        sb.append("table ").append(pm.actionItemTable()).append('\n');
        for (ProseBlock p : pm.prose()) {
            sb.append("prose ").append(p.kind()).append(" [").append(p.text()).append("] ")
                    .append(Arrays.toString(p.offsets())).append(" in ").append(p.section()).append('\n');
        }
        pm.comments().forEach(c -> sb.append("comment ").append(c).append('\n'));
        return sb.toString();
    }

    private boolean same(String text) {
        SourceText source = SourceText.of(text);
        Path path = Path.of("x.md");
        assertThat(describe(parser.parse(path, source))).as(text)
                .isEqualTo(describe(parser.parseWithFlexmark(path, source)));
        return parser.isPlain(source);
    }

    @Test
    void readsAGeneratedPostmortemWithoutFlexmarkAndGivesTheSameModel() {
        String doc = generate(new Random(1));
        assertThat(same(doc)).isTrue();
    }

    @Test
    void templatesAndExamplesGiveTheSameModel() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("templates", "src/examples/postmortems")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            same(Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    /** What real postmortems hold besides plain text: read without flexmark, to the same model. */
    @Test
    void inlineCodeEmphasisLinksChecklistsFencesQuotesAndNestedItemsAreReadToo() {
        String head = "---\ntitle: x\n---\n\n# T\n\n## Action items\n\n";
        for (String doc : List.of("Some *emphasis* and **strong** and _this_ and __that__ here.",
                "A `code` span, a ``double`` one and a `back\\slash`.", "A [link](http://x.y/z?a=b#c) and more.",
                "**Bold** at the start, snake_case_name inside.", "> quoted\n> more\n\nAfter.",
                "1. first\n2. second\n1) third", "A `span with | pipe` in text.", "* star item\n+ plus item\n- dash item",
                "```yaml\nkey: value\n## not a heading\n```\nAfter the fence.", "~~~\n`x`\n~~~",
                "- [ ] Open box (owner: @a, due 2025-04-01, P1)\n- [x] Done box\n- [X] Also done",
                "- Parent\n  - Nested *item*\n  - Another `one`\n- Next", "- Parent\n    - Four spaces in",
                "1. One\n   - nested under a number", "## A heading with `code` and **bold**",
                "| Time | Event |\n|---|---|\n| `09:12` | **Paged** the [on-call](http://x) |",
                "Para with R & D and 100 % and ~tilde~ and !bang.", "Line one\nline *two* here\nline three.",
                "Ends with a link [here](https://example.com/a_b).", "Em — dash **and** “quotes”.",
                "**Date**: 2025-03-14  \n**Owner**: @maria\\\nLast line.", "Above.\n\n---\n\nBelow.", "A\n***\nB",
                "- An item that\n  goes on here\n  and here\n- Next", "1. Numbered and\n   continued", "Bob\\'s \\*fault\\*.",
                "An ![image](x.png) here.", "- [ ] Box that\n  continues (owner: @a)")) {
            String text = head + doc + "\n";
            assertThat(same(text)).as(doc).isTrue();
        }
    }

    @Test
    void everythingOutsideTheSubsetGoesToFlexmark() {
        String head = "---\ntitle: x\n---\n\n# T\n\n## Summary\n\n";
        for (String odd : List.of("Fish &amp; chips.", "  Indented two.", "    code block",
                "\tTabbed.", "Line one  \n", "Ends with a backslash\\\n", "Text\r\nmore.", "Title\n===", "Title\n---",
                "<div>x</div>", "Text\n<!-- c -->", "a | b\n--|--", "- item\ncontinued", "Para\n- item",
                "#NoSpace", "# Closed #", "####### Seven", "Para\n---", "| a | b |\n|---|---|\n| 1 | 2 | 3 |",
                "| a |\n|---|\nafter", "<!-- a --> b -->", "<!-- a <!-- b -->", "An ![image](x y.png) here.",
                "A *dangling mark.", "In*word*emphasis.", "***triple***", "A [ref] link.", "[x]: http://x",
                "> quoted\nlazy continuation", "```\nnever closed", "- a\n2. lazy", "Para\n1. interrupts",
                "3. at three\n4) lazy", "| a |\n|---|\n| `x|y` |", "A <b>tag</b>.", "Entity &copy; here.",
                "Nested **bold *and* em**.", "- a\n      - too deep", "```\ncode\n  ```\nmore\n```", "A ` spaced` span.")) {
            String doc = head + odd + "\n";
            assertThat(parser.isPlain(SourceText.of(doc))).as(odd).isFalse();
            same(doc);
        }
    }

    @Test
    void generatedAndMutatedDocumentsGiveTheSameModel() {
        Random random = new Random(20261126);
        int plain = 0;
        int total = 0;
        for (int i = 0; i < 3000; i++) {
            String doc = generate(random);
            if (i % 3 != 0) {
                doc = mutate(doc, random, 1 + random.nextInt(3));
            }
            total++;
            if (same(doc)) {
                plain++;
            }
        }
        // both branches are exercised: many documents stay plain, the mutated ones often do not (the generator
        // also writes what the fast path leaves to flexmark on purpose: ":--" separators, a ">" starting a line)
        assertThat(plain).isBetween(total / 8, total - total / 10);
    }

    private static final String[] WORDS = ("the database cache failover alert on-call engineer paged disk full "
            + "deploy rollback latency p99 503 payments-api config TTL DNS because after while Zürich naïve "
            + "99.9% (primary) \"quoted\" it's 2025-03-14 09:12 #7 a-b x/y ok? yes! 1. 2) e.g. >").split(" ");

    /** Inline constructs real postmortems use, around a word. */
    private static final String[] INLINE = {"`%s`", "``%s``", "**%s**", "*%s*", "_%s_", "__%s__", "[%s](https://x.y/%s)",
        "`pg_%s`", "%s_%s", "![%s](img/%s.png)", "\\*%s\\*", "%s\\_x"};

    private static String words(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String w = WORDS[r.nextInt(i == 0 && r.nextInt(10) > 0 ? 20 : WORDS.length)];
            w = i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
            if (r.nextInt(6) == 0 && w.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch) || ch == '-')) {
                String f = INLINE[r.nextInt(INLINE.length)];
                w = f.replace("%s", w);
            }
            sb.append(w);
        }
        return sb.toString();
    }

    private static final String[] SECTIONS = {"Summary", "Timeline", "Impact", "Root cause analysis",
        "What went well", "What went poorly", "Action items", "Lessons learned", "Follow-ups", "Notes"};

    /** A postmortem in the plain subset: headings, paragraphs, tables, bullet items and comments. */
    static String generate(Random r) {
        StringBuilder sb = new StringBuilder("---\ntitle: Disk full\ndate: 2025-03-14\n---\n");
        if (r.nextBoolean()) {
            sb.append('\n');
        }
        sb.append("# ").append(words(r, 1, 5)).append("\n\n");
        for (String section : SECTIONS) {
            if (r.nextInt(8) == 0) {
                continue;
            }
            sb.append("#".repeat(2 + (r.nextInt(6) == 0 ? 1 : 0))).append(' ').append(section).append('\n');
            if (r.nextBoolean()) {
                sb.append('\n');
            }
            if (r.nextInt(3) == 0) {
                sb.append("<!-- ").append(words(r, 0, 6)).append(" -->\n\n");
            }
            int blocks = 1 + r.nextInt(3);
            for (int b = 0; b < blocks; b++) {
                switch (r.nextInt(5)) {
                    case 0 -> {
                        int lines = 1 + r.nextInt(3);
                        for (int l = 0; l < lines; l++) {
                            sb.append(words(r, 1, 14));
                            if (l < lines - 1 && r.nextInt(4) == 0) {
                                sb.append(r.nextBoolean() ? "  " : "\\"); // a hard line break
                            }
                            sb.append('\n');
                        }
                        if (r.nextInt(5) == 0) {
                            sb.append('\n').append(r.nextBoolean() ? "---" : r.nextBoolean() ? "***" : "* * *").append('\n');
                        }
                    }
                    case 1 -> {
                        int items = 1 + r.nextInt(4);
                        boolean loose = r.nextInt(4) == 0;
                        String[] markers = {"- ", "* ", "+ ", "1. ", "- [ ] ", "- [x] "};
                        String marker = markers[r.nextInt(markers.length)];
                        for (int k = 0; k < items; k++) {
                            sb.append(marker.equals("1. ") ? (k + 1) + ". " : marker).append(words(r, 1, 10));
                            if (r.nextBoolean()) {
                                sb.append(" owner @maria due 2025-0").append(1 + r.nextInt(9)).append("-1")
                                        .append(r.nextInt(10)).append(" P").append(r.nextInt(4));
                            }
                            if (r.nextInt(5) == 0) { // more of the item's text, indented as far as it
                                sb.append('\n').append(" ".repeat(marker.startsWith("- [") ? 2
                                        : marker.equals("1. ") ? String.valueOf(k + 1).length() + 2 : 2))
                                        .append(words(r, 1, 6));
                            }
                            sb.append(loose ? "\n\n" : "\n");
                            if (!loose && r.nextInt(4) == 0) {
                                sb.append(" ".repeat(marker.length() >= 3 && marker.charAt(1) == '.' ? 3 : 2))
                                        .append(r.nextBoolean() ? "- " : "1. ").append(words(r, 1, 6)).append('\n');
                            }
                        }
                    }
                    case 2 -> {
                        int cols = 2 + r.nextInt(4);
                        String[] headers = section.startsWith("Timeline")
                                ? new String[] {"Time (UTC)", "Event", "Source", "Notes", "Extra"}
                                : new String[] {"Action item", "Owner", "Due", "Priority", "Status"};
                        sb.append('|');
                        for (int c = 0; c < cols; c++) {
                            sb.append(r.nextBoolean() ? " " : "").append(r.nextInt(5) == 0 ? words(r, 1, 2) : headers[c])
                                    .append(r.nextBoolean() ? " " : "").append('|');
                        }
                        sb.append("\n|");
                        for (int c = 0; c < cols; c++) {
                            sb.append(r.nextBoolean() ? "---" : r.nextInt(8) > 0 ? ":---:" : r.nextBoolean() ? " --- " : ":--").append('|');
                        }
                        sb.append('\n');
                        int rows = r.nextInt(5);
                        for (int k = 0; k < rows; k++) {
                            sb.append('|');
                            for (int c = 0; c < cols; c++) {
                                String cell = switch (r.nextInt(5)) {
                                    case 0 -> "";
                                    case 1 -> "2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
                                    case 2 -> "P" + r.nextInt(4);
                                    default -> words(r, 1, 8);
                                };
                                sb.append(' ').append(cell).append(r.nextInt(4) == 0 ? "   " : " ").append('|');
                            }
                            sb.append('\n');
                        }
                    }
                    case 3 -> {
                        switch (r.nextInt(3)) {
                            case 0 -> sb.append("```").append(r.nextBoolean() ? "yaml" : "").append('\n')
                                    .append(words(r, 1, 8)).append("\n# not a heading\n```\n");
                            case 1 -> sb.append("> ").append(words(r, 1, 8)).append("\n> ").append(words(r, 1, 8))
                                    .append('\n');
                            default -> sb.append("<!-- pm-disable-next-line blame-language -->\n");
                        }
                    }
                    default -> sb.append("<!-- pm-disable-next-line blame-language -->\n");
                }
                sb.append('\n');
            }
        }
        if (r.nextBoolean()) {
            sb.setLength(sb.length() - 1); // no line break at the end
        }
        return sb.toString();
    }

    private static final String[] PIECES = {"*", "_", "`", "[", "]", "\\", "&", "<", "<!--", "-->", "|", " ", "  ",
        "**", "``", "](", ")", "```", "~~~", "> ", "  - ", "[ ] ", "[x] ", "* ", "+ ", "2. ", "1) ", "!", "&amp;", "__",
        "![", "\\", "  \n", "\\\n", "\n---\n", "\n***\n", "\n   ",
        "\t", "\r", "\n", "\n\n", "-", "- ", "# ", "#", "1. ", "> ", "    ", "===", "---", ":", "!", "~", "'",
        "\u00a0", "é", "\uD83D\uDD25", "|---|", "\u0000"};

    /** Pastes a piece somewhere, or deletes or repeats a stretch. */
    static String mutate(String doc, Random r, int times) {
        StringBuilder sb = new StringBuilder(doc);
        for (int t = 0; t < times && sb.length() > 0; t++) {
            int at = r.nextInt(sb.length());
            if (r.nextInt(3) == 0) {
                // at the start of a line, where block syntax matters
                while (at > 0 && sb.charAt(at - 1) != '\n') {
                    at--;
                }
            }
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(20)));
                case 1 -> {
                    int end = Math.min(sb.length(), at + 1 + r.nextInt(40));
                    sb.insert(end, sb.substring(at, end));
                }
                default -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }
}
