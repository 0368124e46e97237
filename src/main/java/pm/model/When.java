package pm.model;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A time as a timeline writes it: a day, a time of day, or both; and the zone's offset when one is written.
 *
 * @param date   the day, or null when only a time of day is written ("14:02")
 * @param time   the time of day, or null when only a day is written ("2016-11-18")
 * @param offset minutes east of UTC of a zone written with it ("PST": -480), or null when none is
 * @param yearless whether the day was written without its year ("March 12"): its year is then the one in force
 */
public record When(LocalDate date, LocalTime time, Integer offset, boolean yearless) {
    public When(LocalDate date, LocalTime time, Integer offset) {
        this(date, time, offset, false);
    }
}
