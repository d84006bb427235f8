package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

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
        // Week 1 is the week of 4 January (ISO 8601); arithmetic rather than field adjusters: a national week is
        // 40,000 reports, each asked for its dates several times.
        LocalDate fourthOfJanuary = LocalDate.of(weekBasedYear, 1, 4);
        return fourthOfJanuary.minusDays(fourthOfJanuary.getDayOfWeek().getValue() - 1L).plusWeeks(week - 1L);
    }

    @Override
    public LocalDate end() {
        return start().plusDays(6);
    }

    @Override
    public String text() {
        return weekBasedYear + (week < 10 ? "-W0" : "-W") + week; // the year has four digits: 2000 to 2100
    }
}
