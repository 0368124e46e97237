package pm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertThat(Metrics.median(new long[] {5, 1, 3})).isEqualTo(3);
        assertThat(Metrics.median(new long[] {4, 1, 3, 10})).isEqualTo(3); // (3 + 4) / 2, rounded down
        assertThat(Metrics.median(new long[] {10, 20})).isEqualTo(15);
        assertThat(Metrics.median(new long[] {7})).isEqualTo(7);
        assertThat(Metrics.median(new long[0])).isNull();
    }

    @Test
    void p90IsTheNearestRank() {
        assertThat(Metrics.p90(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isEqualTo(9);
        assertThat(Metrics.p90(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})).isEqualTo(10);
        assertThat(Metrics.p90(new long[] {3, 1})).isEqualTo(3);
        assertThat(Metrics.p90(new long[] {42})).isEqualTo(42);
        assertThat(Metrics.p90(new long[0])).isNull();
    }

    @Test
    void oneLongOutageMovesTheMeanButNotTheMedian() {
        long[] minutes = {30, 40, 50, 60, 3 * 24 * 60};
        assertThat(Metrics.median(minutes)).isEqualTo(50);
    }

    @Test
    void periodsStraddleAYearAndEmptyOnesAreKept() {
        LocalDate dec = LocalDate.of(2024, 12, 30);
        LocalDate feb = LocalDate.of(2025, 2, 2);
        assertThat(Metrics.By.MONTH.periods(dec, feb)).containsExactly("2024-12", "2025-01", "2025-02");
        assertThat(Metrics.By.QUARTER.periods(dec, feb)).containsExactly("2024-Q4", "2025-Q1");
        assertThat(Metrics.By.YEAR.periods(dec, feb)).containsExactly("2024", "2025");
        assertThat(Metrics.By.QUARTER.period(LocalDate.of(2025, 9, 30))).isEqualTo("2025-Q3");
        assertThat(Metrics.By.MONTH.periods(feb, feb)).containsExactly("2025-02");
        assertThat(Metrics.By.parse("Quarter")).isEqualTo(Metrics.By.QUARTER);
        assertThat(Metrics.By.parse("week")).isNull();
    }

    @Test
    void durationsAndBarsAreShort() {
        assertThat(Metrics.duration(45L)).isEqualTo("45s");
        assertThat(Metrics.duration(12 * 60L)).isEqualTo("12m");
        assertThat(Metrics.duration(3 * 3600L + 5 * 60)).isEqualTo("3h 05m");
        assertThat(Metrics.duration(2 * 86400L + 4 * 3600)).isEqualTo("2d 4h");
        assertThat(Metrics.duration(null)).isEqualTo("-");
        assertThat(Metrics.bar(5, 10, 20)).hasSize(10);
        assertThat(Metrics.bar(1, 1000, 20)).hasSize(1);
        assertThat(Metrics.bar(0, 10, 20)).isEmpty();
        assertThat(Metrics.percent(1, 3)).isEqualTo(33);
        assertThat(Metrics.percent(0, 0)).isNull();
    }
}
