package tsos.monitor.domain.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** An ISO week, Monday to Sunday: "2023-W14". */
public record IsoWeek(int weekBasedYear, int week) implements ReportingPeriod {

    public IsoWeek {
        if (weekBasedYear < 2000 || weekBasedYear > 2100) {
            throw new IllegalArgumentException("a week of a year between 2000 and 2100, not " + weekBasedYear);
        }
        long weeks = LocalDate.of(weekBasedYear, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(weekBasedYear + " has ISO weeks 1 to " + weeks + ", not " + week);
        }
    }

    @Override
    public LocalDate start() {
        return LocalDate.of(weekBasedYear, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public LocalDate end() {
        return start().plusDays(6);
    }

    @Override
    public String text() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }
}
