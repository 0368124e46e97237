package pm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.overdue.Kind;
import pm.overdue.OverdueItem;
import pm.overdue.OverdueReport;

class OverdueFormatTest {
    private static OverdueItem item(String title, String owner) {
        return new OverdueItem(Kind.ACTION_ITEM, "pm/a.md", 5, "Post,mortem", title, owner,
                owner == null ? List.of() : List.of(owner), LocalDate.of(2025, 3, 1), "P1", "open", 19L, null, "SEV2",
                List.of("api"));
    }

    private static String write(OverdueFormat format, OverdueItem... items) {
        StringWriter out = new StringWriter();
        format.write(new OverdueReport(LocalDate.of(2025, 3, 20), null, List.of(items), 1, List.of(), List.of()),
                new PrintWriter(out));
        return out.toString();
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksOnly() {
        assertThat(OverdueCsv.quote("plain text")).isEqualTo("plain text");
        assertThat(OverdueCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(OverdueCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(OverdueCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(OverdueCsv.quote("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(OverdueCsv.quote("")).isEmpty();
        assertThat(write(OverdueFormat.CSV, item("multi\nline", null))).isEqualTo(
                "file,postmortem,title,owner,due,priority,status,daysOverdue,kind\r\n"
                        + "pm/a.md,\"Post,mortem\",\"multi\nline\",,2025-03-01,P1,open,19,action-item\r\n");
    }

    @Test
    void jsonEscapesTextAndWritesNullForMissingValues() {
        String json = write(OverdueFormat.JSON, item("quote \" and \\ and \n", null));
        assertThat(json).contains("\"title\" : \"quote \\\" and \\\\ and \\n\"").contains("\"owner\" : null")
                .contains("\"daysOverdue\" : 19");
        assertThat(write(OverdueFormat.JSON).strip()).isEqualTo("[ ]");
    }

    @Test
    void terminalTextHasNoControlCharacters() {
        String table = write(OverdueFormat.TABLE, item("evil \u001b[31mred\u001b[0m\ttab\nnewline", "@x\u0007"));
        assertThat(table).doesNotContain("\u001b").doesNotContain("\t").doesNotContain("\u0007")
                .contains("evil  [31mred [0m tab newline");
    }

    @Test
    void longTitlesAreShortenedInTheTableButNotInMachineFormats() {
        String title = "x".repeat(100);
        assertThat(write(OverdueFormat.TABLE, item(title, "@a"))).contains("x".repeat(71) + "…")
                .doesNotContain("x".repeat(72));
        assertThat(write(OverdueFormat.JSON, item(title, "@a"))).contains(title);
    }

    @Test
    void anEmptyReportSaysNothingIsLate() {
        assertThat(write(OverdueFormat.TABLE)).contains("Nothing is late.")
                .contains("Total: 0 overdue (0 action items, 0 lifecycle) · 0 without an owner · 0 without a due date");
        assertThat(write(OverdueFormat.MARKDOWN)).contains("| Owner | Days late |");
        assertThat(write(OverdueFormat.CSV)).isEqualTo("file,postmortem,title,owner,due,priority,status,daysOverdue,"
                + "kind\r\n");
    }

    @Test
    void aLongTableIsFormattedInParallelExactlyAsOneThreadFormatsIt() {
        List<OverdueItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Kind kind = i % 97 == 0 ? Kind.NO_OWNER : i % 89 == 0 ? Kind.NO_DUE_DATE : Kind.ACTION_ITEM;
            String owner = kind == Kind.NO_OWNER ? null : "owner-" + (i % 37) + "x".repeat(i % 5);
            items.add(new OverdueItem(kind, "pm/f" + i + ".md", i % 400 + 1, "Postmortem " + "p".repeat(i % 60), "Fix "
                    + "t".repeat(i % 90), owner, owner == null ? List.of() : List.of(owner),
                    kind == Kind.NO_DUE_DATE ? null : LocalDate.of(2025, 1, 1).plusDays(i % 70),
                    i % 3 == 0 ? null : "P" + i % 3, "open", kind == Kind.ACTION_ITEM ? (long) (i % 70) - 5 : null,
                    kind == Kind.ACTION_ITEM ? null : "why " + i, "SEV2", List.of()));
        }
        OverdueReport report = new OverdueReport(LocalDate.of(2025, 3, 20), 30, items, 3000, List.of(), List.of());
        StringWriter parallel = new StringWriter();
        new OverdueTable(report, 16).write(new PrintWriter(parallel));
        StringWriter sequential = new StringWriter();
        new OverdueTable(report, Integer.MAX_VALUE).write(new PrintWriter(sequential));

        assertThat(parallel.toString()).isEqualTo(sequential.toString());
        assertThat(parallel.toString()).contains("No owner — nobody will do these (31)", "owner-36xxxx — ");
        // every row of the owners' grids starts its item column at the same place: the widths were shared
        List<String> rows = parallel.toString().lines().filter(l -> l.contains(" open  ")).toList();
        assertThat(rows).hasSizeGreaterThan(2500);
        assertThat(rows.stream().map(l -> l.indexOf("Fix")).distinct()).hasSize(1);
    }
}
