package pm.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pm.io.InputException;
import pm.model.SourceText;
import pm.parse.PostmortemParser;
import pm.parse.Schema;
import pm.testing.PostmortemText;

class OverdueCollectorTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 20);

    private static OverdueReport collect(OverdueFilter filter, List<PostmortemInput> inputs) {
        return new OverdueCollector(new PostmortemParser(Schema.DEFAULT), OverdueSettings.DEFAULTS, AS_OF, filter)
                .collect(inputs, List.of());
    }

    private static PostmortemInput input(String file, Object text) {
        return new PostmortemInput(file, () -> SourceText.of(text.toString()));
    }

    @Test
    void manyFilesAreReadInParallelAndReportedInTheSameOrderEveryTime() {
        List<PostmortemInput> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inputs.add(input(String.format("pm/%03d.md", i), PostmortemText.of("P" + i, "2025-03-19")
                    .item("Item " + i, "@o" + (i % 7), "2025-03-" + String.format("%02d", 1 + i % 19), "P1", "open")));
        }
        OverdueReport first = collect(OverdueFilter.NONE, inputs);
        assertThat(first.read()).isEqualTo(500);
        assertThat(first.items()).hasSize(500).isSortedAccordingTo(OverdueCollector.ORDER);
        for (int run = 0; run < 5; run++) {
            assertThat(collect(OverdueFilter.NONE, inputs).items()).isEqualTo(first.items());
        }
        assertThat(first.items().get(0).daysOverdue()).isEqualTo(19);
        assertThat(first.items().get(0).file()).isEqualTo("pm/000.md");
    }

    @Test
    void aFileThatCannotBeLoadedIsSkippedWithItsLineAndReason() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(
                new PostmortemInput("pm/bad.md", () -> {
                    throw new InputException(null, 3, "is not valid UTF-8 (byte 40); save the file as UTF-8");
                }),
                input("pm/good.md", PostmortemText.of("Good", "2025-03-19").item("Late", "@a", "2025-03-01", null,
                        null))));
        assertThat(r.read()).isEqualTo(1);
        assertThat(r.skipped()).containsExactly(new Skipped("pm/bad.md", 3,
                "is not valid UTF-8 (byte 40); save the file as UTF-8"));
        assertThat(r.skipped().get(0).oneLine()).isEqualTo("pm/bad.md:3: is not valid UTF-8 (byte 40); save the "
                + "file as UTF-8");
        assertThat(r.items()).extracting(OverdueItem::title).containsExactly("Late");
    }

    @Test
    void aPostmortemWithoutATitleIsNamedByItsFile() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/2025-03-01-db.md",
                PostmortemText.of("x", "2025-03-19").with("title", null).item("Late", "@a", "2025-03-01", null,
                        null))));
        assertThat(r.items().get(0).postmortem()).isEqualTo("2025-03-01-db");
    }

    @Test
    void anItemWithoutATitleIsStillListed() {
        String text = "---\ndate: 2025-03-19\naction_items:\n  - owner: \"@a\"\n    due: 2025-03-01\n---\n";
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md", text)));
        assertThat(r.items()).extracting(OverdueItem::title).containsExactly("(action item without a title)");
        assertThat(r.items().get(0).line()).isEqualTo(4);
    }

    @Test
    void aPostmortemDatedAfterTheAsOfDayHasNoLifecycleDeadlinesYet() {
        OverdueReport r = collect(OverdueFilter.NONE, List.of(input("pm/a.md",
                PostmortemText.of("Future", "2025-04-01").with("status", "draft"))));
        assertThat(r.items()).isEmpty();
        assertThat(r.undated()).isEmpty();
    }

    @Test
    void agingBucketsCountOnlyOverdueRows() {
        PostmortemText p = PostmortemText.of("P", "2025-03-19");
        for (String due : List.of("2025-03-19", "2025-03-13", "2025-03-12", "2025-02-18", "2025-02-17",
                "2024-12-20", "2024-12-19", "2025-03-20", "2025-03-25")) {
            p.item("due " + due, "@a", due, null, null);
        }
        p.item("no due", "@a", null, null, null);
        OverdueReport r = collect(new OverdueFilter(List.of(), List.of(), List.of(), List.of(), 10),
                List.of(input("pm/a.md", p)));
        assertThat(r.aging()).containsExactly(2, 2, 2, 1);
        assertThat(r.overdue()).hasSize(7);
        assertThat(r.upcoming()).extracting(OverdueItem::daysOverdue).containsExactly(0L, -5L);
        assertThat(r.count(Kind.NO_DUE_DATE)).isEqualTo(1);
    }
}
