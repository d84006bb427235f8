package tsos.monitor.application;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.trend.ChangeRule;
import tsos.monitor.domain.trend.PeriodChange;

/**
 * How a status moved since the previous month ({@link ChangeRule}). The previous month's status comes from the
 * same region-months kept in memory, so asking costs a computation, rarely a load.
 */
public final class StatusChanges {

    private final StatusQueries statuses;

    public StatusChanges(StatusQueries statuses) {
        this.statuses = statuses;
    }

    /** Empty when there is no previous month with the territory's figure (or it is before the reporting years). */
    public Optional<PeriodChange> sincePreviousMonth(IndicatorStatus status) {
        return sincePreviousMonth(List.of(status)).get(0);
    }

    /**
     * The change of each status, in the same order, for statuses of one month (of one territory, or of many: a
     * ranking, the gauges): each region's previous month is read once for all of them.
     */
    public List<Optional<PeriodChange>> sincePreviousMonth(List<IndicatorStatus> ofOneMonth) {
        if (ofOneMonth.isEmpty()) {
            return List.of();
        }
        YearMonth previous = ofOneMonth.get(0).month().value().minusMonths(1);
        if (!ReportingYears.contain(previous.getYear())) {
            return ofOneMonth.stream().map(status -> Optional.<PeriodChange>empty()).toList();
        }
        List<IndicatorStatus> before = statuses.inMonth(ofOneMonth, new Month(previous));
        return IntStream.range(0, before.size())
                .mapToObj(i -> ChangeRule.between(before.get(i).actual(), ofOneMonth.get(i).actual()))
                .toList();
    }
}
