package pm.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pm.lint.LintFixture.lineOf;
import static pm.lint.LintFixture.of;

import org.junit.jupiter.api.Test;

class TimelineOrderTest {
    private static final String ROWS = """
            | 09:12 | pg_wal volume reaches 100% | Postgres logs |
            | 09:19 | Error-rate alert pages the on-call | PagerDuty |
            """;

    private static String timeline(String rows) {
        return pm.lint.LintFixture.CLEAN.replace(ROWS, rows);
    }

    @Test
    void aRowEarlierThanTheOneAboveIsWarnedAbout() {
        String text = timeline("| 14:25 | Latency alert fires | x |\n| 14:00 | Cache restarts | x |\n| 14:40 | Ack | x |\n");
        assertThat(of("timeline-order", text)).containsExactly(lineOf(text, "| 14:00") + ":1 timeline row '14:00' is "
                + "earlier than the row above it ('14:25'): put the rows in chronological order");
    }

    @Test
    void datedRowsAndIsoTimestampsAreCompared() {
        assertThat(of("timeline-order", timeline("| 2025-03-12 07:40 | a | x |\n| 2025-03-11 09:00 | b | x |\n")))
                .hasSize(1);
        assertThat(of("timeline-order", timeline("| 2025-03-12T07:40:00Z | a | x |\n| 2025-03-12T09:40:00+03:00 | b | x |\n")))
                .hasSize(1);
        assertThat(of("timeline-order", timeline("| 2025-03-12 | a | x |\n| 2025-03-11 | b | x |\n"))).hasSize(1);
    }

    @Test
    void aTimeWithoutADateContinuesTheDateAbove() {
        assertThat(of("timeline-order", timeline("| 2025-03-12 07:40 | a | x |\n| 09:12 | b | x |\n| 09:19 | c | x |\n")))
                .isEmpty();
        assertThat(of("timeline-order", timeline("| 2025-03-12 07:40 | a | x |\n| 07:12 | b | x |\n"))).hasSize(1);
        assertThat(of("timeline-order", timeline("| 2025-03-12 07:40 | a | x |\n| 2025-03-13 06:00 | b | x |\n"
                + "| 06:30 | c | x |\n"))).isEmpty();
    }

    @Test
    void passingMidnightIsNotOutOfOrder() {
        assertThat(of("timeline-order", timeline("| 23:50 | a | x |\n| 00:10 | b | x |\n| 11:05 pm | c | x |\n"
                + "| 11:06 PM | d | x |\n"))).isEmpty();
    }

    @Test
    void rowsItCannotReadBreakTheChainInsteadOfGuessing() {
        assertThat(of("timeline-order", timeline("| 14:25 | a | x |\n| Day 2 | b | x |\n| 09:00 | c | x |\n"))).isEmpty();
        assertThat(of("timeline-order", timeline("| 14:25 | a | x |\n| 09:00 PST | b | x |\n"))).isEmpty();
        assertThat(of("timeline-order", timeline("| 14:25 | a | x |\n|  | continued | x |\n| 14:30 | c | x |\n")))
                .isEmpty();
        assertThat(of("timeline-order", timeline("| 09:00 | a | x |\n| 2025-03-12 08:00 | b | x |\n"))).isEmpty();
    }

    @Test
    void aDateAndTimeIsReadAsThePatternReadsIt() {
        java.util.Random random = new java.util.Random(3);
        String[] parts = {"2025", "1999", "0000", "-", "01", "12", "13", "00", "31", "30", "29", "02", " ", "T", "t",
            "09", "23", "24", "59", "60", ":", "x", "1"};
        for (int i = 0; i < 50_000; i++) {
            String text = i % 2 == 0
                    ? parts[random.nextInt(3)] + "-" + parts[4 + random.nextInt(8)] + "-" + parts[4 + random.nextInt(8)]
                            + parts[12 + random.nextInt(3)] + parts[15 + random.nextInt(4)] + ":" + parts[15 + random.nextInt(5)]
                    : random(random, parts);
            assertThat(TimelineOrder.read(text)).as(text).isEqualTo(TimelineOrder.readByPattern(text));
        }
    }

    private static String random(java.util.Random random, String[] parts) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 16) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        return random.nextBoolean() ? sb.substring(0, 16) : sb.toString();
    }
}
