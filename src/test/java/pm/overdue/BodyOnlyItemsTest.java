package pm.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.model.FrontMatter;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.source.Input;
import pm.source.Listing;
import pm.source.Names;

/** pm overdue never misses an item pm lint sees: the body's items without a front-matter twin are reported too. */
class BodyOnlyItemsTest {
    private static final PostmortemParser PARSER = new PostmortemParser(Schema.DEFAULT);
    private static final String FRONT = """
            ---
            title: Disk full
            date: 2025-03-14
            status: published
            follow_up_reviewed: 2025-03-15
            action_items:
              - title: Add a disk alert
                owner: "@maria"
                due: 2025-04-01
                priority: P2
            ---

            # Disk full

            ## Action items

            """;

    private static List<OverdueItem> rows(String text) {
        Input in = new Input("a.md", Path.of("a.md"), () -> text.getBytes(StandardCharsets.UTF_8));
        return new OverdueCollector(PARSER, OverdueSettings.DEFAULTS, LocalDate.of(2025, 6, 1), OverdueFilter.NONE)
                .collect(Listing.of(new ArrayList<>(List.of(in))), new Names(Path.of(""))).items();
    }

    @Test
    void aLateRowOnlyTheTableHasIsReportedAndMarked() {
        List<OverdueItem> rows = rows(FRONT + """
                | Action item | Owner | Due | Priority | Status |
                |---|---|---|---|---|
                | Add a disk alert | @maria | 2025-04-01 | P2 | |
                | Fail over the archiver | @sam | 2025-04-10 | P0 | open |
                """);
        assertThat(rows).extracting(OverdueItem::title).containsExactly("Add a disk alert",
                "Fail over the archiver [not in the front matter: action-item table, line 20; pm lint --fix adds it]");
        OverdueItem body = rows.get(1);
        assertThat(body.owner()).isEqualTo("@sam");
        assertThat(body.priority()).isEqualTo("P0");
        assertThat(body.daysOverdue()).isEqualTo(52L);
    }

    @Test
    void listItemsCountAndTickedOnesAreDone() {
        List<OverdueItem> rows = rows(FRONT + "- [ ] Page on WAL growth (@lee, due 2025-05-01)\n- [x] Rotate logs "
                + "(@jo, due 2025-04-02)\n");
        assertThat(rows).extracting(OverdueItem::title).containsExactly("Add a disk alert", "Page on WAL growth "
                + "[not in the front matter: action-item list, line 17; pm lint --fix adds it]");
    }

    @Test
    void theBodyIsReadOnlyWhenItsLinesMayHoldItems() {
        assertThat(may(FRONT + "See the front matter.\n\n## Timeline\n\n| 09:12 | Alert |\n")).isFalse();
        assertThat(may(FRONT + "- [ ] Page on WAL growth\n")).isTrue();
        assertThat(may(FRONT + "### Later\n\n| a | b |\n")).as("a sub-heading stays in the section").isTrue();
        assertThat(may(FRONT.replace("## Action items", "Follow-ups\n----------") + "* one\n")).isTrue();
        assertThat(may(FRONT + "```\n## Timeline\n```\n- one\n")).as("a heading in code is no heading").isTrue();
        assertThat(may("---\ntitle: x\n---\n## Summary\n\n- a list\n")).isFalse();
    }

    @Test
    void aTableThatOnlyMirrorsTheFrontMatterIsNotParsedAndAnyOtherRowIs() {
        String mirror = "| Action item | Owner | Due |\n|---|---|---|\n| Add a disk **alert** | @maria | 2025-04-01 |\n";
        assertThat(may(FRONT + mirror)).as("header, delimiter and a row of a front-matter item").isFalse();
        assertThat(rows(FRONT + mirror)).extracting(OverdueItem::title).containsExactly("Add a disk alert");
        String extra = mirror + "| Page on WAL growth | @lee | 2025-05-01 |\n";
        assertThat(may(FRONT + extra)).isTrue();
        assertThat(rows(FRONT + extra)).extracting(OverdueItem::title).contains("Page on WAL growth [not in the "
                + "front matter: action-item table, line 20; pm lint --fix adds it]");
        assertThat(may(FRONT + "| Owner | Action item |\n|---|---|\n| @maria | Add a disk alert |\n"))
                .as("another column first: parsed").isTrue();
    }

    private static boolean may(String text) {
        SourceText src = SourceText.of(text);
        FrontMatter fm = PARSER.frontMatter(src);
        return PARSER.bodyMayHoldActionItems(src, fm);
    }

    @Test
    void everyHeadingOfTheActionItemsFamilyMayBeActionItems() {
        pm.model.Headings h = pm.model.Headings.DEFAULT;
        for (String heading : List.of("Action items", "Follow-ups", "Next steps", "Remediation", "Corrective actions",
                "Preventive measures", "Recommendations", "Improvements", "Long-term fixes", "To-dos", "Tasks",
                "Mitigations", "What we're changing", "How we will prevent this", "Moving forward", "Open work",
                "Actions de suivi", "2. Action Items", "Planned changes")) {
            assertThat(h.kindOf(heading)).as(heading).contains(pm.model.SectionKind.ACTION_ITEMS);
            assertThat(h.mayBeActionItems(heading)).as(heading).isTrue();
        }
        assertThat(h.mayBeActionItems("Incident 123 in the payments path")).isFalse();
        assertThat(h.mayBeActionItems("Timeline")).isFalse();
    }
}
