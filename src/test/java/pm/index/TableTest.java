package pm.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index's Markdown: escaped cells, encoded links, totals, and what --check compares. */
class TableTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-20");

    static Node parse(String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        return Parser.builder(options).build().parse(markdown);
    }

    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Node n : root.getDescendants()) {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        }
        return out;
    }

    private static Entry entry(String link, String title, String date, List<String> services) {
        return new Entry(link, title, date == null ? null : LocalDate.parse(date), "SEV1", services, "published", 1,
                2, 0, null);
    }

    @Test
    void hostileTitlesAndServicesStayTextInTheirOwnCells() {
        String[] hostile = {
            "a | b | c", "<script>alert(1)</script>", "[click](javascript:alert(1))", "line\nbreak\r\n| x |",
            "<img src=x onerror=alert(1)>", "`code | pipe`", "**bold** _it_ ~~s~~ $x$", "back\\|slash\\",
            "&#60;script&#62;", "![img](http://evil/x.png)", "<!-- comment -->", "rtl \u202Eevil", "# heading",
            "ends with \\"
        };
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < hostile.length; i++) {
            entries.add(entry("pm-" + i + ".md", hostile[i], "2025-01-" + (10 + i), List.of(hostile[i], "ok")));
        }
        List<String> lines = Table.lines(entries, DAY);
        for (String l : lines) {
            assertThat(l).doesNotContain("\n", "\r");
        }
        Node doc = parse(String.join("\n", lines) + "\n");
        assertThat(all(doc, HtmlInlineBase.class)).isEmpty();
        // the two marker comments and the note are the only HTML blocks
        assertThat(all(doc, HtmlBlockBase.class)).hasSize(3);
        List<TableRow> rows = all(doc, TableRow.class).stream()
                .filter(r -> !(r.getParent() instanceof TableSeparator)).toList();
        assertThat(rows).hasSize(hostile.length + 1);
        for (TableRow row : rows) {
            assertThat(all(row, TableCell.class)).as(row.getChars().toString()).hasSize(7);
        }
        List<Link> links = all(doc, Link.class);
        assertThat(links).hasSize(hostile.length);
        for (int i = 0; i < links.size(); i++) {
            assertThat(links.get(i).getUrl().toString()).isEqualTo("pm-" + i + ".md");
        }
        // each title reads back as what was written (on one line, bidirectional overrides replaced)
        for (int i = 0; i < hostile.length; i++) {
            String cell = all(rows.get(i + 1), TableCell.class).get(1).getChildChars().toString();
            assertThat(cell).startsWith("[").endsWith("](pm-" + i + ".md)");
        }
        assertThat(Table.cell("a | b")).isEqualTo("a \\| b");
        assertThat(Table.cell("<b>&</b>")).isEqualTo("&lt;b&gt;&amp;&lt;/b&gt;");
        assertThat(Table.cell(" two\n\nlines \t")).isEqualTo("two lines");
        assertThat(Table.cell("rtl \u202Eevil")).isEqualTo("rtl \uFFFDevil");
    }

    @Test
    void linksArePercentEncodedSoSpacesParenthesesAndUnicodeNeedNoBrackets() {
        assertThat(Table.href("2025-01-01 café (eu).md")).isEqualTo("2025-01-01%20caf%C3%A9%20%28eu%29.md");
        assertThat(Table.href("../postmortems/a.md")).isEqualTo("../postmortems/a.md");
        assertThat(Table.href("javascript:alert(1).md")).isEqualTo("javascript%3Aalert%281%29.md");
        Node doc = parse(Table.row(entry("2025 café (eu) ].md", "T", "2025-01-01", List.of())) + "\n");
        assertThat(all(doc, Link.class)).singleElement().satisfies(l ->
                assertThat(l.getUrl().toString()).isEqualTo("2025%20caf%C3%A9%20%28eu%29%20%5D.md"));
    }

    @Test
    void totalsCountReadablePostmortemsAndNameUnreadableFiles() {
        List<Entry> entries = List.of(
                new Entry("a.md", "A", LocalDate.parse("2025-01-02"), "SEV1", List.of("api"), "published", 2, 3, 1,
                        null),
                new Entry("b.md", "B", null, null, List.of(), null, 0, 0, 0, null),
                Entry.unreadable("c.md", "c.md:2: bad"));
        List<String> lines = Table.lines(entries, DAY);
        assertThat(lines).contains("| 2025-01-02 | [A](a.md) | SEV1 | api | published | 2/3 | 1 |",
                "| — | [B](b.md) | — | — | — | — | 0 |",
                "| — | [c.md](c.md) | — | — | unreadable (pm lint says why) | — | — |",
                "**2 postmortems** · 1 file unreadable (run pm lint) · action items: 2 of 3 done · 1 overdue as of "
                        + "2025-03-20");
        assertThat(lines.get(0)).isEqualTo(Table.START);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(Table.END);
        assertThat(Table.lines(List.of(), DAY)).contains("No postmortems yet.",
                "**0 postmortems** · action items: 0 of 0 done · 0 overdue as of 2025-03-20");
    }

    @Test
    void checkComparesEverythingButTheOverdueCountsAndTheirDay() {
        String row = "| 2025-01-02 | [A](a.md) | SEV1 | api | published | 2/3 | 1 |";
        assertThat(Table.dateFree(row)).isEqualTo(Table.dateFree(row.replace("| 1 |", "| 4 |")));
        assertThat(Table.dateFree(row)).isNotEqualTo(Table.dateFree(row.replace("2/3", "3/3")));
        String totals = Table.totals(1, 0, 2, 3, 1, DAY);
        assertThat(Table.dateFree(totals)).isEqualTo(Table.dateFree(Table.totals(1, 0, 2, 3, 5,
                LocalDate.parse("2026-01-01"))));
        assertThat(Table.dateFree(totals)).isNotEqualTo(Table.dateFree(Table.totals(2, 0, 2, 3, 1, DAY)));
    }
}
