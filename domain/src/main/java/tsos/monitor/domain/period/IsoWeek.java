package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** An ISO week, Monday to Sunday: "2023-W14". */
public record IsoWeek(int weekBasedYear, int week) implements ReportingPeriod {

    public IsoWeek {
        ReportingYears.require(weekBasedYear, "the year of a week");
        long weeks = LocalDate.of(weekBasedYear, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(weekBasedYear + " has ISO weeks 1 to " + weeks + ", not " + week);
        }
        // The last week of the last year ends in the next one, where its month could not be read back.
        LocalDate monday = start(weekBasedYear, week);
        ReportingYears.requireWithin(text(weekBasedYear, week), monday, monday.plusDays(6));
    }

    @Override
    public LocalDate start() {
        return start(weekBasedYear, week);
    }

    private static LocalDate start(int weekBasedYear, int week) {
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
        return text(weekBasedYear, week);
    }

    private static String text(int weekBasedYear, int week) {
        return weekBasedYear + (week < 10 ? "-W0" : "-W") + week; // the year has four digits (ReportingYears)
    }
}
