package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LinearHeadings} and {@link LinearCodeSpans} change how fast flexmark parses, never what it builds:
 * on generated Markdown full of headings, setext underlines, backticks, escapes and tables, the tree (every
 * node's type, offsets and text) is the same as flexmark's own.
 */
class LinearParsingProperties {
    private static final Parser CORE = parser(false);
    private static final Parser LINEAR = parser(true);

    private static Parser parser(boolean linear) {
        MutableDataSet options = new MutableDataSet();
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        if (linear) {
            options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), new LinearHeadings(), new LinearCodeSpans()));
            LinearHeadings.install(options);
        } else {
            options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        }
        return Parser.builder(options).build();
    }

    private static String dump(Node root) {
        StringBuilder sb = new StringBuilder();
        dump(root, 0, sb);
        return sb.toString();
    }

    private static void dump(Node n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append('[').append(n.getStartOffset())
                .append(',').append(n.getEndOffset()).append("] ").append(n.getChars().toString().replace("\n", "\\n"));
        if (n instanceof com.vladsch.flexmark.ast.Code c) {
            sb.append(" text=").append(c.getText());
        }
        if (n instanceof com.vladsch.flexmark.ast.Heading h) {
            sb.append(" level=").append(h.getLevel()).append(" text=").append(h.getText());
        }
        sb.append('\n');
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            dump(c, depth + 1, sb);
        }
    }

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> piece = Arbitraries.of("`", "``", "```", "\\`", "a", " ", "\n", "\n\n", "# ", "## x",
                "#x", "######", "####### ", "=", "===", "-", "---", "- ", "  ", "    ", "|", "| a | b |\n|---|---|\n",
                "*", "_", "[", "](u)", "<!--", "-->", ">", "1. ", "\\", "\t", "\r\n", "é", "x`y`z", "``a`b``");
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void sameTreeAsFlexmark(@ForAll("markdown") String md) {
        String core;
        try {
            core = dump(CORE.parse(md));
        } catch (RuntimeException e) {
            return; // flexmark's own bug (e.g. "|\n\t``| a |\n|---|"): PostmortemParser reads such input again
        }
        assertThat(dump(LINEAR.parse(md))).isEqualTo(core);
    }

    @Example
    void sameTreeOnTheUsualCases() {
        for (String md : List.of("`a` and ``b ` c`` and `unclosed", "Title\n=====\n\ntext\n---\n", "# H1\n## H2 ##\n#no",
                "| `a|b` | c |\n|---|---|\n| `x` | y |\n", "```\nfence\n```\n", "\\`not code` but `code`",
                "- item `code`\n- item\n\n> quote `x`\n")) {
            assertThat(dump(LINEAR.parse(md))).as(md).isEqualTo(dump(CORE.parse(md)));
        }
    }
}
