package tsos.monitor.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tsos.monitor.application.StatusReadModel.CurrentStatus;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.trend.PeriodChange;
import tsos.monitor.domain.trend.YearForecast;

/**
 * Where each current status of the {@link StatusReadModel} is moving: its change since the previous month
 * ({@link StatusChanges}) and its year forecast made at its month ({@link YearQueries}), for the gauges. A region
 * is computed again only when its current statuses or its revision (a December plan included) have moved: a
 * forecast reads the region's months from January, which a periodic refresh of unchanged data must not pay for.
 */
public final class OutlookReadModel extends RegionReadModel {

    /** A current status, how it moved since the previous month (empty without one) and its year forecast. */
    public record Outlook(IndicatorStatus status, Optional<PeriodChange> change, YearForecast forecast) {
    }

    private record Computed(long revision, List<CurrentStatus> from, List<Outlook> outlooks) {
    }

    private final StatusReadModel statuses;
    private final StatusChanges changes;
    private final YearQueries years;
    private final RegionRevisions revisions;
    private final Map<TerritoryCode, Computed> byRegion = new ConcurrentHashMap<>();

    public OutlookReadModel(StatusReadModel statuses, StatusChanges changes, YearQueries years,
                            RegionRevisions revisions, TerritoryDirectory territories, ReadModelObserver observer) {
        super(territories, observer);
        this.statuses = statuses;
        this.changes = changes;
        this.years = years;
        this.revisions = revisions;
    }

    public List<Outlook> current() {
        return byRegion.values().stream().map(Computed::outlooks).flatMap(Collection::stream).toList();
    }

    @Override
    void compute(TerritoryCode region) {
        long revision = revisions.of(region);
        List<CurrentStatus> now = statuses.current(region);
        Computed last = byRegion.get(region);
        if (last != null && last.revision() == revision && last.from().equals(now)) {
            return;
        }
        // Each indicator's current period is its own (a month, or a weekly indicator's ISO week): changes and
        // forecasts are read period by period.
        Map<ReportingPeriod, List<IndicatorStatus>> byPeriod = now.stream().map(CurrentStatus::status)
                .collect(Collectors.groupingBy(IndicatorStatus::period, LinkedHashMap::new, Collectors.toList()));
        List<Outlook> outlooks = new ArrayList<>(now.size());
        byPeriod.values().forEach(ofPeriod -> {
            List<Optional<PeriodChange>> changed = changes.sincePreviousPeriod(ofPeriod);
            List<YearForecast> forecasts = years.forecastsOf(ofPeriod);
            for (int i = 0; i < ofPeriod.size(); i++) {
                outlooks.add(new Outlook(ofPeriod.get(i), changed.get(i), forecasts.get(i)));
            }
        });
        byRegion.put(region, new Computed(revision, now, outlooks));
        if (last == null || !last.outlooks().equals(outlooks)) {
            changed();
        }
    }
}
