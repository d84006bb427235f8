package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An explicit range of dates, both ends included, such as the working week 20.02–22.02.2023. */
public record DateRange(LocalDate start, LocalDate end) implements ReportingPeriod {

    private static final int LONGEST_DAYS = 31;

    public DateRange {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a range ends on or after its start: " + start + "/" + end);
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_DAYS) {
            throw new IllegalArgumentException("a reported range is at most " + LONGEST_DAYS + " days long");
        }
        ReportingYears.requireWithin(start + "/" + end, start, end);
    }

    @Override
    public String text() {
        return start + "/" + end;
    }
}
