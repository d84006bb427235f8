package tsos.monitor.application;

import java.time.YearMonth;
import java.util.Optional;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingYears;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryReference;
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
        YearMonth previous = status.month().value().minusMonths(1);
        if (!ReportingYears.contain(previous.getYear())) {
            return Optional.empty();
        }
        TerritoryCode code = status.territory().code();
        IndicatorStatus before = statuses.status(new TerritoryReference(code.region(), code.municipality(),
                code.school()), status.indicator().code().value(), new Month(previous));
        return ChangeRule.between(before.actual(), status.actual());
    }
}
