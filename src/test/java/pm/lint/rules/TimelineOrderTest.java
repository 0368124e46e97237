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
    void zonesAreComparedInUtcAndHoldUntilAnotherIsWritten() {
        assertThat(of("timeline-order", timeline("| 14:25 UTC | a | x |\n| 09:00 PST | b | x |\n"))).isEmpty();
        assertThat(of("timeline-order", timeline("| 18:00 UTC | a | x |\n| 09:00 PST | b | x |\n"))).hasSize(1);
        assertThat(of("timeline-order", timeline("| 09:00 PST | a | x |\n| 09:30 | b | x |\n| 17:45 UTC | c | x |\n")))
                .isEmpty();
    }

    private static String bullets(String lines) {
        return pm.lint.LintFixture.CLEAN.replace("| Time (UTC) | Event | Source |\n|------------|-------|--------|\n" + ROWS,
                lines);
    }

    @Test
    void bulletTimelinesAreReadAsPeopleWriteThem() {
        String text = bullets("- 14:02 UTC — the disk fills\n- **14:10** alert fires\n- `14:05` rollback starts\n");
        assertThat(of("timeline-order", text)).containsExactly(lineOf(text, "- `14:05`") + ":1 timeline entry '14:05' "
                + "is earlier than the entry above it ('14:10'): put the entries in chronological order");
        assertThat(of("timeline-order", bullets("* **09:12** volume full\n  * nested detail\n* **09:19** alert\n")))
                .isEmpty();
        assertThat(of("timeline-order", bullets("2016-11-18 1505 deploy starts\n2016-11-18 1455 canary fails\n")))
                .hasSize(1);
    }

    @Test
    void aDayGivenByAHeadingOrALineDatesTheEntriesBelowIt() {
        String days = bullets("### 2018-01-19\n\n- 23:50 backup starts\n\n### 2018-01-20\n\n- 00:10 backup fails\n");
        assertThat(of("timeline-order", days)).isEmpty();
        String back = bullets("**Mon, 24 Nov 2025**\n\n- 10:00 report\n\n**Sun, 23 Nov 2025**\n\n- 09:00 push\n");
        assertThat(of("timeline-order", back)).hasSize(1);
        String stories = bullets("### First incident\n\n- 14:00 a\n\n### Second incident\n\n- 09:00 b\n");
        assertThat(of("timeline-order", stories)).as("a sub-heading that is no day starts afresh").isEmpty();
    }

    @Test
    void aTwelveHourClockWithoutAmOrPmIsAnAfternoon() {
        assertThat(of("timeline-order", bullets("- 11:40 page\n- 12:50 rollback\n- 1:03 recovered\n- 2:15 closed\n")))
                .isEmpty();
        assertThat(of("timeline-order", bullets("- 13:40 page\n- 12:50 rollback\n"))).hasSize(1);
    }

    @Test
    void aTableWithSeparateDateAndTimeColumnsReadsThemTogether() {
        String table = "| Date | Time (UTC) | Event |\n|---|---|---|\n| 2025-03-12 | 20:25 | cause found |\n"
                + "| 2025-03-13 | 11:25 | fix released |\n";
        String text = pm.lint.LintFixture.CLEAN.replace("| Time (UTC) | Event | Source |\n|------------|-------|--------|\n"
                + ROWS, table);
        assertThat(of("timeline-order", text)).isEmpty();
        assertThat(of("timeline-order", text.replace("2025-03-13 | 11:25", "2025-03-12 | 11:25"))).hasSize(1);
    }

    @Test
    void aSameMinuteWithAndWithoutSecondsIsNotOutOfOrder() {
        assertThat(of("timeline-order", bullets("- 17:55:08 UTC restart\n- 17:55 UTC upgrade done\n"))).isEmpty();
    }

    @Test
    void aDayWithoutItsYearTakesTheYearInForce() {
        assertThat(of("timeline-order", bullets("### March 6 2017 22:59\n\nup\n\n### March 12 19:57\n\ndown\n"))).isEmpty();
        assertThat(of("timeline-order", bullets("- Feb 8 0117 UTC: a\n- Feb 9 1924 UTC: b\n"))).as("1924 is 19:24").isEmpty();
        assertThat(of("timeline-order", bullets("- 11:10 6th Nov 2023 - a\n- 15:13 6th Nov 2023 - b\n- 10:00 7th Nov 2023 - c\n")))
                .isEmpty();
    }
}
