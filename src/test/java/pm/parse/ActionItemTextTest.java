package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pm.model.ActionItem;
import pm.model.Span;

class ActionItemTextTest {
    private static final Span AT = Span.at(1, 1);

    @Test
    void theFieldsWrittenInALineAreTakenOutAndTheTitleIsWhatRemains() {
        ActionItem a = ActionItemText.read("[ ] Add a WAL alert — owner: @maria, due 2025-04-01, P1", AT);
        assertThat(a.title()).isEqualTo("Add a WAL alert");
        assertThat(a.owner()).isEqualTo("@maria");
        assertThat(a.dueText()).isEqualTo("2025-04-01");
        assertThat(a.priority()).isEqualTo("P1");
        assertThat(a.status()).isEqualTo("open");
        ActionItem b = ActionItemText.read("[x] Rotate the keys; assignee: Dana Lee; deadline: next week; status: done",
                AT);
        assertThat(b.title()).isEqualTo("Rotate the keys");
        assertThat(b.owner()).isEqualTo("Dana Lee");
        assertThat(b.dueText()).isEqualTo("next week");
        assertThat(b.due()).isNull();
        assertThat(b.status()).isEqualTo("done");
    }

    /** The guards only skip expressions that cannot match: generated lines read the same with and without. */
    @Test
    void guardedReadingGivesWhatTryingEveryExpressionGives() {
        List<String> parts = List.of("Add", " a", " WAL", " alert", " —", " -", " –", ",", ";", ":", " |", " /", "(",
                ")", "[", "]", "[ ]", "[x]", " owner:", " Owner =", " assigned to:", " DRI:", " @maria", " @x.y-z",
                " a@b.c", " due", " Due:", " by", " ETA=", " deadline:", " 2025-04-01", " 2025-4-1", " 12025-04-01",
                " 2025-04-01-02", " P1", " p3", " P4", " priority: P0", " status:", " Status = in progress", " done",
                "  ", "\t", " next week", " Q3", " ,", " ;;", " é", " ÉTA:", " priority:P1", " Priority =  p2",
                " due date  :  2025-01-01", " deadline=2025-1-1", "2025-01-01", "P0", " pp1", " x2025-03-04", " by:",
                " status=open", " STATUS:", " owners:@a", " assignee = Kim Lee", " İ", " due on 2025-05-05");
        Random random = new Random(7);
        for (int run = 0; run < 60_000; run++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                sb.append(parts.get(random.nextInt(parts.size())));
            }
            String line = sb.toString();
            assertThat(ActionItemText.read(line, AT, true)).as(line).isEqualTo(ActionItemText.read(line, AT, false));
        }
    }
}
