package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.YearMonth;

/** A calendar month: the unit plans are set in and statuses are read for. */
public record Month(YearMonth value) implements ReportingPeriod, Comparable<Month> {

    public Month {
        ReportingYears.require(value.getYear(), "the year of a month");
    }

    public static Month of(int year, int month) {
        return new Month(YearMonth.of(year, month));
    }

    /** @throws IllegalArgumentException naming the one form a month is written in, such as 2024-03 */
    public static Month parse(String text) {
        if (text != null && text.strip().matches("\\d{4}-\\d{2}")
                && ReportingPeriod.parse(text) instanceof Month month) {
            return month;
        }
        throw new IllegalArgumentException("'" + text + "' is not a month: write YYYY-MM, such as 2024-03");
    }

    @Override
    public LocalDate start() {
        return value.atDay(1);
    }

    @Override
    public LocalDate end() {
        return value.atEndOfMonth();
    }

    @Override
    public String text() {
        return value.toString();
    }

    @Override
    public int compareTo(Month other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
