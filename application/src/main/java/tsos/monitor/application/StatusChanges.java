package tsos.monitor.application;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.trend.ChangeRule;
import tsos.monitor.domain.trend.PeriodChange;

/**
 * How a status moved since the previous period of the same kind, the previous month of a month's status and the
 * previous ISO week of a week's ({@link ChangeRule}, {@link StatusPeriod#previous}). The previous period's status
 * comes from the same region-periods kept in memory, so asking costs a computation, rarely a load.
 */
public final class StatusChanges {

    private final StatusQueries statuses;

    public StatusChanges(StatusQueries statuses) {
        this.statuses = statuses;
    }

    /** Empty when there is no previous period with the territory's figure (or it is before the reporting years). */
    public Optional<PeriodChange> sincePreviousPeriod(IndicatorStatus status) {
        return sincePreviousPeriod(List.of(status)).get(0);
    }

    /**
     * The change of each status, in the same order, for statuses of one period (of one territory, or of many: a
     * ranking, the gauges): each region's previous month or week is read once for all of them.
     */
    public List<Optional<PeriodChange>> sincePreviousPeriod(List<IndicatorStatus> ofOnePeriod) {
        if (ofOnePeriod.isEmpty()) {
            return List.of();
        }
        Optional<ReportingPeriod> previous = StatusPeriod.previous(ofOnePeriod.get(0).period());
        if (previous.isEmpty()) {
            return ofOnePeriod.stream().map(status -> Optional.<PeriodChange>empty()).toList();
        }
        List<IndicatorStatus> before = statuses.inPeriod(ofOnePeriod, previous.get());
        return IntStream.range(0, before.size())
                .mapToObj(i -> ChangeRule.between(before.get(i).actual(), ofOnePeriod.get(i).actual()))
                .toList();
    }
}
