package tsos.monitor.domain.period;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;

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

    /** The week the day falls in: 1 January 2021 is in 2020-W53. */
    public static IsoWeek containing(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** @throws IllegalArgumentException naming the one form a week is written in, such as 2024-W38 */
    public static IsoWeek parse(String text) {
        if (text != null && text.strip().matches("\\d{4}-W\\d{2}")
                && ReportingPeriod.parse(text) instanceof IsoWeek week) {
            return week;
        }
        throw new IllegalArgumentException("'" + text + "' is not an ISO week: write YYYY-Www, such as 2024-W38");
    }

    /** The week before, unless it would begin before the reporting years. */
    public Optional<IsoWeek> previous() {
        LocalDate sundayBefore = start().minusDays(1);
        return ReportingYears.contain(sundayBefore.minusDays(6).getYear()) ? Optional.of(containing(sundayBefore))
                : Optional.empty();
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
