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
        return write(format, false, items);
    }

    private static String write(OverdueFormat format, boolean csvRaw, OverdueItem... items) {
        StringWriter out = new StringWriter();
        format.write(new OverdueReport(LocalDate.of(2025, 3, 20), null, List.of(items), 1, List.of(), List.of()),
                new PrintWriter(out), csvRaw);
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
    void csvCellsASpreadsheetWouldRunAsAFormulaStartWithAQuote() {
        OverdueItem formulas = new OverdueItem(Kind.ACTION_ITEM, "@pm/a.md", 5, "-2+3",
                "=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", List.of("+cmd"),
                LocalDate.of(2025, 3, 25), "P1", "open", -5L, null, "SEV2", List.of());
        OverdueItem controls = new OverdueItem(Kind.NO_DUE_DATE, "pm/b.md", 9, "\t=1+1", "\r=1+1", "@sam",
                List.of("@sam"), null, null, "open", null, "no due date", "SEV2", List.of());
        String header = "file,postmortem,title,owner,due,priority,status,daysOverdue,kind\r\n";
        // every text cell from a postmortem, an @handle too (Excel reads '@sam' as a formula); pm's own cells are not
        // text anyone wrote: a negative day count stays a number, a date a date
        assertThat(write(OverdueFormat.CSV, formulas, controls)).isEqualTo(header
                + "'@pm/a.md,'-2+3,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+cmd|' /C calc'!A0,2025-03-25,P1,open,"
                + "-5,action-item\r\n"
                + "pm/b.md,'\t=1+1,\"'\r=1+1\",'@sam,,,open,,no-due-date\r\n");
        assertThat(write(OverdueFormat.CSV, true, formulas, controls)).isEqualTo(header
                + "@pm/a.md,-2+3,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+cmd|' /C calc'!A0,2025-03-25,P1,open,"
                + "-5,action-item\r\n"
                + "pm/b.md,\t=1+1,\"\r=1+1\",@sam,,,open,,no-due-date\r\n");
    }

    @Test
    void aPolicysNameIsTextFromPmYmlAndIsDefusedLikeEveryOtherCell() {
        OverdueItem row = new OverdueItem(Kind.POLICY, "pm/a.md", 5, "P", "Load test", "@sam", List.of("@sam"),
                LocalDate.of(2025, 3, 20), "P1", "open", 1L, "no due date (policy '=cmd')", "SEV2", List.of(),
                "=cmd");
        assertThat(write(OverdueFormat.CSV, row)).isEqualTo(
                "file,postmortem,title,owner,due,priority,status,daysOverdue,kind,policy\r\n"
                        + "pm/a.md,P,Load test,'@sam,2025-03-20,P1,open,1,policy,'=cmd\r\n");
        assertThat(write(OverdueFormat.CSV, true, row)).endsWith(",1,policy,=cmd\r\n");
        assertThat(write(OverdueFormat.JSON, row)).contains("\"kind\" : \"policy\",\n  \"policy\" : \"=cmd\"");
        assertThat(write(OverdueFormat.MARKDOWN, row)).contains("| Load test — no due date (policy '=cmd') |");
    }

    @Test
    void csvLeavesCellsThatDoNotStartAFormulaAsTheyAre() {
        assertThat(OverdueCsv.text("a=b+c-d@e", false)).isEqualTo("a=b+c-d@e");
        assertThat(OverdueCsv.text(" =1", false)).isEqualTo(" =1");
        assertThat(OverdueCsv.text("", false)).isEmpty();
        assertThat(OverdueCsv.text(null, false)).isEmpty();
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(OverdueCsv.text(start + "x", false)).isEqualTo("'" + start + "x");
            assertThat(OverdueCsv.text(start + "x", true)).isEqualTo(start + "x");
        }
    }

    @Test
    void jsonEscapesTextAndWritesNullForMissingValues() {
        String json = write(OverdueFormat.JSON, item("quote \" and \\ and \n", null));
        assertThat(json).contains("\"title\" : \"quote \\\" and \\\\ and \\n\"").contains("\"owner\" : null")
                .contains("\"daysOverdue\" : 19");
        assertThat(write(OverdueFormat.JSON).strip()).isEqualTo("[ ]");
    }

    @Test
    void terminalTextShowsControlCharactersAsEscapesOneRowALine() {
        OverdueItem hostile = new OverdueItem(Kind.ACTION_ITEM, "pm/\u001b[2J.md", 5, "Post\u009b31m", "evil "
                + "\u001b[31mred\u001b[0m\ttab\nnewline", "@x\u0007", List.of("@x\u0007"), LocalDate.of(2025, 3, 1),
                "P1\u001b[8m", "open\r\nforged", 19L, null, "SEV2", List.of());
        String table = write(OverdueFormat.TABLE, hostile);
        assertThat(table.chars().filter(c -> c != '\n' && Visible.isControl((char) c)).boxed().toList()).isEmpty();
        assertThat(table).contains("@x\\x07 — 1 overdue\n")
                .contains("    19  2025-03-01  P1\\e[8m  open\\r\\nforged  evil \\e[31mred\\e[0m\\ttab\\nnewline  "
                        + "Post\\x9b31m  pm/\\e[2J.md:5\n");
    }

    @Test
    void markdownEscapesEveryCellSoARowStaysOneRowOfPlainText() {
        OverdueItem hostile = new OverdueItem(Kind.ACTION_ITEM, "pm/a (1)|<x>`\u001b.md", 5, "Post [x](y) | <b>",
                "Fix a|b\n| forged | row |\u001b[2J <img src=x onerror=alert(1)> &amp; `code` ![t](http://e/t.png)",
                "@bob\n| x | y <b>bold</b>", List.of("@bob"), LocalDate.of(2025, 3, 1), "P1|x", "open<br>`x`", 19L,
                null, "SEV2", List.of());
        OverdueItem noDue = new OverdueItem(Kind.NO_DUE_DATE, "pm/a.md", 9, "Post", "Load test", "@sam&co|x",
                List.of("@sam&co|x"), null, "P2", "open", null, "no due date; agree one with @sam&co|x", "SEV2",
                List.of());
        List<String> rows = write(OverdueFormat.MARKDOWN, hostile, noDue).lines().filter(l -> l.startsWith("| "))
                .toList();
        assertThat(rows).containsExactly(
                "| Owner | Days late | Due | Priority | Status | Follow-up | Postmortem |",
                "| @bob\\\\n\\| x \\| y &lt;b&gt;bold&lt;/b&gt; | 19 | 2025-03-01 | P1\\|x | open&lt;br&gt;\\`x\\` "
                        + "| Fix a\\|b\\\\n\\| forged \\| row \\|\\\\e\\[2J &lt;img src=x onerror=alert(1)&gt; &amp;amp; "
                        + "\\`code\\` !\\[t\\](http://e/t.png) | [Post \\[x\\](y) \\| &lt;b&gt;]"
                        + "(pm/a%20%281%29%7C%3Cx%3E%60%1B.md) |",
                "| @sam&amp;co\\|x | **no due date** | - | P2 | open | Load test — no due date; agree one with "
                        + "@sam&amp;co\\|x | [Post](pm/a.md) |");
        // seven cells a row: no unescaped '|' inside one
        assertThat(rows).allSatisfy(r -> assertThat(r.split("(?<!\\\\)\\|", -1)).hasSize(9));
    }

    @Test
    void longTitlesAreShortenedInTheTableButNotInMachineFormats() {
        String title = "x".repeat(100);
        assertThat(write(OverdueFormat.TABLE, item(title, "@a"))).contains("x".repeat(71) + "…")
                .doesNotContain("x".repeat(72));
        assertThat(write(OverdueFormat.JSON, item(title, "@a"))).contains(title);
    }

    @Test
    void aLifecycleReminderIsShownWholeInTheTableSoItsLineToChangeIsNeverCutOff() {
        String step = "30-day follow-up review: 12 items open; then add follow_up_reviewed: YYYY-MM-DD to the front "
                + "matter (before line 140)";
        OverdueItem lifecycle = new OverdueItem(Kind.LIFECYCLE, "pm/a.md", 9, "Post", step, "Ann", List.of("Ann"),
                LocalDate.of(2025, 3, 1), null, "published", 19L, null, "SEV2", List.of());
        String longItem = "y".repeat(step.length());
        String table = write(OverdueFormat.TABLE, lifecycle, item(longItem, "Ann"));
        assertThat(step.length()).isGreaterThan(72);
        assertThat(table).contains(step + "  Post  pm/a.md:9\n");
        // an action item's title, written by a person, is still shortened
        assertThat(table).contains("y".repeat(71) + "…").doesNotContain("y".repeat(72));
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
