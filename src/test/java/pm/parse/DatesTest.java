package pm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The quick readers of the common shapes give what java.time's parsers give, values and problems alike. */
class DatesTest {
    @Test
    void datesAgreeWithTheIsoParser() {
        for (String year : new String[] {"0000", "2023", "2024", "2100", "9999"}) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) {
                    String s = String.format("%s-%02d-%02d", year, m, d);
                    LocalDate expected;
                    try {
                        expected = LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        expected = null;
                    }
                    Dates.Result<LocalDate> r = Dates.date(" " + s + " ");
                    assertThat(r.value()).as(s).isEqualTo(expected);
                    assertThat(r.problem()).as(s).isEqualTo(expected == null ? "'" + s + "' is not a real calendar date"
                            : null);
                }
            }
        }
        assertThat(Dates.date("2024-1-05").problem()).isEqualTo("'2024-1-05' is not a date; write it as 2024-01-05");
        assertThat(Dates.date("2024-2-30").problem()).isEqualTo("'2024-2-30' is not a date; write it as YYYY-MM-DD");
        assertThat(Dates.date("２０２４-01-05").ok()).isFalse();
    }

    @Test
    void theIncidentDayMayBeWrittenWithATimeAndKeepsTheDayAsWritten() {
        assertThat(Dates.day("2016-11-18").value()).isEqualTo(LocalDate.of(2016, 11, 18));
        // Jekyll's front matter, YAML timestamps: the zone never moves the day
        for (String s : new String[] {"2016-11-18 15:05:00", "2016-11-18 15:05", "2016-11-18T15:05:00Z",
                "2016-11-18 23:30:00 -0800", "2016-11-18 00:10:00 +0100", "2016-11-18t15:05:00.25+05:30",
                "2016-11-18  9:05:00 UTC", "2016-11-18 15:05:00Z"}) {
            assertThat(Dates.day(s).value()).as(s).isEqualTo(LocalDate.of(2016, 11, 18));
        }
        assertThat(Dates.day("2016-02-30 15:05").problem()).isEqualTo("'2016-02-30 15:05' is not a real calendar date");
        assertThat(Dates.day("2016-11-18 afternoon").problem())
                .isEqualTo("'2016-11-18 afternoon' is not a date; write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM");
        assertThat(Dates.day("18 Nov 2016").problem()).isEqualTo("'18 Nov 2016' is not a date; write it as YYYY-MM-DD");
        assertThat(Dates.date("2016-11-18 15:05").ok()).as("a due date stays a date").isFalse();
    }

    @Test
    void utcTimestampsAgreeWithTheIsoParser() {
        String[] days = {"2024-02-29", "2023-02-29", "2025-04-31", "2025-12-31", "0000-01-01"};
        int[] hours = {0, 9, 23, 24, 99};
        int[] minutes = {0, 30, 59, 60};
        for (String day : days) {
            for (int h : hours) {
                for (int min : minutes) {
                    for (int sec : minutes) {
                        String s = String.format("%sT%02d:%02d:%02dZ", day, h, min, sec);
                        Instant expected;
                        try {
                            expected = OffsetDateTime.parse(s).toInstant();
                        } catch (DateTimeParseException e) {
                            expected = null;
                        }
                        assertThat(Dates.timestamp(s).value()).as(s).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(Dates.timestamp("2025-03-14T25:00:00Z").problem())
                .isEqualTo("'2025-03-14T25:00:00Z' is not a real date and time");
        assertThat(Dates.timestamp("2025-03-14 10:20:00+01:00").value())
                .isEqualTo(Instant.parse("2025-03-14T09:20:00Z"));
    }
}
