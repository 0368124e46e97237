package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import pm.model.ActionItem;
import pm.model.Postmortem;
import pm.model.ProseBlock;
import pm.model.SectionKind;
import pm.model.SourceText;

class PostmortemParserTest {
    private static final String DOC = """
            ---
            title: Disk full
            date: 2025-03-14
            ---

            # Disk full on db-1

            ## Summary

            The `pg_wal` volume filled up. See [the graph](https://grafana/d/abc) for details.
            <!-- pm-disable-next-line blame-language -->

            > Bob said it was his fault.

            ## Timeline

            | Time (UTC) | Event | Source |
            |------------|-------|--------|
            | 09:12 | Disk alert fired | PagerDuty |
            | 09:20 | Alice acknowledged the page | Slack |

            ## 3. Impact

            Writes failed for 14 minutes.

            ```
            Bob's fault in code
            ```

            ## Follow-ups

            | Action item | Owner | Due | Priority | Status |
            |---|---|---|---|---|
            | Add a WAL size alert at 80% | @maria | 2025-04-01 | P1 | open |
            | Rotate logs daily | TBD | next week | | |

            - [ ] Automate volume resizing — owner: @sam, due 2025-05-01, P2
            - [x] Document the failover runbook @lee
            """;

    private static Postmortem parse(String text) {
        return new PostmortemParser(Schema.DEFAULT).parse(Path.of("pm.md"), SourceText.of(text));
    }

    @Test
    void sectionsAreRecognisedWithSynonymsAndNumbering() {
        Postmortem pm = parse(DOC);
        assertThat(pm.sections()).extracting(s -> s.heading()).containsExactly(
                "Disk full on db-1", "Summary", "Timeline", "3. Impact", "Follow-ups");
        assertThat(pm.sections()).extracting(s -> s.kind()).containsExactly(
                null, SectionKind.SUMMARY, SectionKind.TIMELINE, SectionKind.IMPACT, SectionKind.ACTION_ITEMS);
        assertThat(pm.section(SectionKind.SUMMARY).orElseThrow().line()).isEqualTo(8);
        assertThat(pm.section(SectionKind.TIMELINE).orElseThrow().headingSpan().column()).isEqualTo(1);
    }

    @Test
    void timelineRowsHaveTheirCellsAndLines() {
        Postmortem pm = parse(DOC);
        assertThat(pm.timeline()).hasSize(2);
        assertThat(pm.timeline().get(0).time()).isEqualTo("09:12");
        assertThat(pm.timeline().get(0).event()).isEqualTo("Disk alert fired");
        assertThat(pm.timeline().get(0).source()).isEqualTo("PagerDuty");
        assertThat(pm.timeline().get(0).span().line()).isEqualTo(19);
        assertThat(pm.timeline().get(1).span().line()).isEqualTo(20);
    }

    @Test
    void actionItemsComeFromTheTableAndTheList() {
        Postmortem pm = parse(DOC);
        assertThat(pm.bodyActionItems()).hasSize(4);
        ActionItem t1 = pm.bodyActionItems().get(0);
        assertThat(t1.title()).isEqualTo("Add a WAL size alert at 80%");
        assertThat(t1.owner()).isEqualTo("@maria");
        assertThat(t1.due()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(t1.priority()).isEqualTo("P1");
        assertThat(t1.status()).isEqualTo("open");
        assertThat(t1.origin()).isEqualTo(ActionItem.Origin.TABLE);
        assertThat(t1.span().line()).isEqualTo(34);

        ActionItem t2 = pm.bodyActionItems().get(1);
        assertThat(t2.owner()).isEqualTo("TBD");
        assertThat(t2.due()).isNull();
        assertThat(t2.dueProblem()).isEqualTo("'next week' is not a date; write it as YYYY-MM-DD");
        assertThat(t2.priority()).isNull();

        ActionItem l1 = pm.bodyActionItems().get(2);
        assertThat(l1.title()).isEqualTo("Automate volume resizing");
        assertThat(l1.owner()).isEqualTo("@sam");
        assertThat(l1.due()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(l1.priority()).isEqualTo("P2");
        assertThat(l1.status()).isEqualTo("open");
        assertThat(l1.origin()).isEqualTo(ActionItem.Origin.LIST);
        assertThat(l1.span().line()).isEqualTo(37);

        ActionItem l2 = pm.bodyActionItems().get(3);
        assertThat(l2.title()).isEqualTo("Document the failover runbook");
        assertThat(l2.owner()).isEqualTo("@lee");
        assertThat(l2.status()).isEqualTo("done");
        assertThat(l2.due()).isNull();
    }

    @Test
    void actionItemTableRangeCoversHeaderToLastRow() {
        Postmortem pm = parse(DOC);
        Postmortem.TableRange t = pm.actionItemTable().orElseThrow();
        assertThat(t.span().line()).isEqualTo(32);
        assertThat(t.span().endLine()).isEqualTo(35);
        assertThat(DOC.substring(t.start(), t.end())).startsWith("| Action item").endsWith("| | |");
    }

    @Test
    void proseLeavesOutCodeQuotesLinkTargetsAndComments() {
        Postmortem pm = parse(DOC);
        String all = String.join("\n", pm.prose().stream().map(ProseBlock::text).toList());
        assertThat(all).contains("The" + " ".repeat(10) + "volume filled up.").contains("the graph")
                .doesNotContain("grafana").doesNotContain("pg_wal").doesNotContain("his fault")
                .doesNotContain("Bob's fault in code").doesNotContain("pm-disable");
        assertThat(pm.comments()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("pm-disable-next-line blame-language");
            assertThat(c.span().line()).isEqualTo(11);
        });
    }

    @Test
    void proseOffsetsPointIntoTheOriginalFile() {
        Postmortem pm = parse(DOC);
        ProseBlock p = pm.prose().stream().filter(b -> b.text().contains("volume filled")).findFirst().orElseThrow();
        int i = p.text().indexOf("volume");
        int offset = p.sourceOffset(i);
        assertThat(DOC.substring(offset, offset + 6)).isEqualTo("volume");
        assertThat(pm.source().line(offset)).isEqualTo(10);
        assertThat(pm.source().column(offset)).isEqualTo(14);
        assertThat(p.section().kind()).isEqualTo(SectionKind.SUMMARY);
    }

    @Test
    void crlfAndBomFilesHaveTheSamePositions() {
        Postmortem clean = parse(DOC);
        Postmortem dirty = parse("\uFEFF" + DOC.replace("\n", "\r\n"));
        assertThat(dirty.bodyActionItems()).extracting(a -> a.span()).isEqualTo(
                clean.bodyActionItems().stream().map(a -> a.span()).toList());
        assertThat(dirty.timeline()).extracting(r -> r.span()).isEqualTo(
                clean.timeline().stream().map(r -> r.span()).toList());
        assertThat(dirty.sections()).extracting(s -> s.headingSpan()).isEqualTo(
                clean.sections().stream().map(s -> s.headingSpan()).toList());
        assertThat(dirty.bodyActionItems()).extracting(a -> a.title()).isEqualTo(
                clean.bodyActionItems().stream().map(a -> a.title()).toList());
        ProseBlock p = dirty.prose().stream().filter(b -> b.text().contains("volume filled")).findFirst()
                .orElseThrow();
        int offset = p.sourceOffset(p.text().indexOf("volume"));
        assertThat(dirty.source().line(offset)).isEqualTo(10);
        assertThat(dirty.source().column(offset)).isEqualTo(14);
    }

    @Test
    void listItemsOutsideActionItemsAreNotActionItems() {
        Postmortem pm = parse("---\ntitle: x\n---\n## What went poorly\n\n- Alerts were noisy @bob 2025-01-01 P1\n");
        assertThat(pm.bodyActionItems()).isEmpty();
    }

    @Test
    void tableWithTheWrongNumberOfCellsIsStillRead() {
        Postmortem pm = parse("""
                ## Action items

                | Action item | Owner | Due |
                |---|---|---|
                | Only a title |
                | Too | many | 2025-01-01 | cells | here |
                """);
        assertThat(pm.bodyActionItems()).extracting(ActionItem::title).containsExactly("Only a title", "Too");
        assertThat(pm.bodyActionItems().get(1).due()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void emptyFileParses() {
        Postmortem pm = parse("");
        assertThat(pm.sections()).isEmpty();
        assertThat(pm.frontMatter().present()).isFalse();
    }
}
