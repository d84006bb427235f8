package tsos.monitor.domain.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.period.ReportingYears;

/**
 * The periods a status is read for: a month, for every indicator, or an ISO week, for a WEEKLY one only. A
 * reported value counts for the month and for the week its period's last day falls in (a date range for the
 * week of its last day, an ISO week for itself), and a status uses, per count, the latest such report. Plans are
 * monthly: a week's plan is the plan of the month its Sunday falls in ({@link ReportingPeriod#planMonth()}).
 */
public final class StatusPeriod {

    private StatusPeriod() {
    }

    /** Whether an indicator of this cadence has statuses for the period: weeks are for weekly indicators. */
    public static boolean fits(ReportingCadence cadence, ReportingPeriod period) {
        return period instanceof Month || period instanceof IsoWeek && cadence == ReportingCadence.WEEKLY;
    }

    /**
     * The current period of a cadence that holds the day: its ISO week for a weekly indicator, else its month. The
     * first days of 2000 and the last of 2100 are in weeks reaching outside the reporting years: their month stands
     * in for them.
     */
    public static ReportingPeriod containing(ReportingCadence cadence, LocalDate day) {
        return cadence == ReportingCadence.WEEKLY ? weekOf(day).<ReportingPeriod>map(week -> week)
                .orElseGet(() -> new Month(YearMonth.from(day))) : new Month(YearMonth.from(day));
    }

    /** The ISO week the day falls in, unless that week reaches outside the reporting years. */
    public static Optional<IsoWeek> weekOf(LocalDate day) {
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        return ReportingYears.contain(monday.getYear()) && ReportingYears.contain(monday.plusDays(6).getYear())
                ? Optional.of(IsoWeek.containing(day)) : Optional.empty();
    }

    /** Whether a reported period counts for the status period: its last day falls in it. */
    public static boolean countsFor(ReportingPeriod reported, ReportingPeriod statusPeriod) {
        return !reported.end().isBefore(statusPeriod.start()) && !reported.end().isAfter(statusPeriod.end());
    }

    /** The period before, of the same kind (a month's month, a week's week); empty before the reporting years. */
    public static Optional<ReportingPeriod> previous(ReportingPeriod period) {
        if (period instanceof IsoWeek week) {
            return week.previous().map(ReportingPeriod.class::cast);
        }
        if (period instanceof Month month) {
            YearMonth before = month.value().minusMonths(1);
            return ReportingYears.contain(before.getYear()) ? Optional.of(new Month(before)) : Optional.empty();
        }
        throw new IllegalArgumentException("a status is for a month or an ISO week, not " + period.text());
    }
}
