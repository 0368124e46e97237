package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import pm.model.When;
import pm.parse.Times.DayOrder;

/** Times as timelines write them, read for certain or not at all. */
class TimesTest {
    private static When lead(String text) {
        Times.Leading l = Times.leading(text, DayOrder.UNKNOWN);
        return l == null ? null : l.when();
    }

    @Test
    void clockTimesWithMarkupZonesAndAmPm() {
        assertThat(lead("14:02 — the disk fills")).isEqualTo(new When(null, LocalTime.of(14, 2), null));
        assertThat(lead("**14:02** alert")).isEqualTo(new When(null, LocalTime.of(14, 2), null));
        assertThat(lead("`03:58:47 UTC` — push")).isEqualTo(new When(null, LocalTime.of(3, 58, 47), 0));
        assertThat(lead("04:49 PM UTC Site repo renamed")).isEqualTo(new When(null, LocalTime.of(16, 49), 0));
        assertThat(lead("23:15 UTC / 16:15 PDT: degradation")).isEqualTo(new When(null, LocalTime.of(23, 15), 0));
        assertThat(lead("09:12 PST page")).isEqualTo(new When(null, LocalTime.of(9, 12), -480));
        assertThat(lead("09:12 +05:30 page")).isEqualTo(new When(null, LocalTime.of(9, 12), 330));
        assertThat(lead("~20:00 OOMKilled")).isEqualTo(new When(null, LocalTime.of(20, 0), null));
        assertThat(lead("14:02 wait for the rollout").offset()).as("a word is no zone").isNull();
        assertThat(lead("25:00 nonsense")).isNull();
        assertThat(lead("Day 2: rollback")).isNull();
        assertThat(lead("v1.2:30 released")).isNull();
    }

    @Test
    void datesAndDateTimes() {
        assertThat(lead("2016-11-18 1505 deploy")).isEqualTo(new When(LocalDate.of(2016, 11, 18), LocalTime.of(15, 5),
                null));
        assertThat(lead("2025-03-14T09:12:00Z")).isEqualTo(new When(LocalDate.of(2025, 3, 14), LocalTime.of(9, 12), 0));
        assertThat(lead("**2022-09-05**: release day")).isEqualTo(new When(LocalDate.of(2022, 9, 5), null, null));
        assertThat(lead("Mon, 24 Nov 2025")).isEqualTo(new When(LocalDate.of(2025, 11, 24), null, null));
        assertThat(lead("November 26, 2025 (07:46 UTC)")).isEqualTo(new When(LocalDate.of(2025, 11, 26),
                LocalTime.of(7, 46), 0));
        assertThat(lead("07-27-2023 2:14 pm - approved")).isEqualTo(new When(LocalDate.of(2023, 7, 27),
                LocalTime.of(14, 14), null));
        assertThat(lead("01-10-2024")).as("month or day first is not known").isNull();
        Times.Leading usa = Times.leading("01-10-2024", Times.dayOrder("Timeline 01/16/2024 - 02/28/2024"));
        assertThat(usa.when().date()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(Times.dayOrder("13/05/2024")).isEqualTo(DayOrder.DAY_FIRST);
    }

    @Test
    void aWholeCellIsATimeARangeOrNothing() {
        assertThat(Times.read("13:30-13:45", DayOrder.UNKNOWN)).isEqualTo(new When(null, LocalTime.of(13, 30), null));
        assertThat(Times.read("09:12 PST", DayOrder.UNKNOWN).offset()).isEqualTo(-480);
        assertThat(Times.read("Day 2", DayOrder.UNKNOWN)).isNull();
        assertThat(Times.read("14:25 roughly", DayOrder.UNKNOWN)).isNull();
    }

    @Test
    void theCommonBulletTimeWithUtcIsReadWholeAndAnythingMoreIsLeftToTheFullReading() {
        Times.Leading utc = Times.leading("11:09 UTC - A request timed out", DayOrder.UNKNOWN);
        assertThat(utc.when()).isEqualTo(new When(null, LocalTime.of(11, 9), 0));
        assertThat(utc.length()).isEqualTo("11:09 UTC".length());
        assertThat(lead("**11:18 GMT** — rollback")).isEqualTo(new When(null, LocalTime.of(11, 18), 0));
        assertThat(lead("11:09 UTC+2 - page")).isEqualTo(new When(null, LocalTime.of(11, 9), 120));
        assertThat(lead("11:09 UTC-5 - page")).isEqualTo(new When(null, LocalTime.of(11, 9), -300));
        assertThat(lead("14:02, 6th Nov 2023 - deploy")).as("a date after a comma")
                .isEqualTo(new When(LocalDate.of(2023, 11, 6), LocalTime.of(14, 2), null));
        assertThat(lead("11:09 UTC, 6th Nov 2023 - deploy"))
                .isEqualTo(new When(LocalDate.of(2023, 11, 6), LocalTime.of(11, 9), 0));
        assertThat(lead("11:09 utc - page").offset()).as("the zone is read in upper case only, as ever").isNull();
        assertThat(lead("25:00 UTC nonsense")).isNull();
    }
}
