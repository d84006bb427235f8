package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.Year;

/**
 * The years the service keeps reports and plans for, 2000 to 2100: every day of a reported period and every
 * plan's or quota's year falls within them, so that every month a value counts for can be read back.
 */
public final class ReportingYears {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private ReportingYears() {
    }

    public static boolean contain(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** @throws IllegalArgumentException naming the bounds, when the year is outside them */
    public static void require(int year, String what) {
        if (!contain(year)) {
            throw new IllegalArgumentException(what + " is between " + FIRST + " and " + LAST + ", not " + year);
        }
    }

    /** The year of a plan or quota. @throws IllegalArgumentException naming the bounds, when it is outside them */
    public static Year planYear(int year) {
        require(year, "a plan's year");
        return Year.of(year);
    }

    /** @throws IllegalArgumentException naming the first or last day, when it is outside the years */
    static void requireWithin(String period, LocalDate start, LocalDate end) {
        if (!contain(start.getYear())) {
            throw outside(period, "starts", start);
        }
        if (!contain(end.getYear())) {
            throw outside(period, "ends", end);
        }
    }

    private static IllegalArgumentException outside(String period, String how, LocalDate day) {
        return new IllegalArgumentException("every day of a period falls in the years " + FIRST + " to " + LAST
                + ": " + period + " " + how + " on " + day);
    }
}
