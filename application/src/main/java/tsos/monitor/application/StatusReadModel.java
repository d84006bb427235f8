package tsos.monitor.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.ReportStore.DataMonth;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * The current status of every region and municipality expected to report an indicator: for each region and
 * indicator, the <em>current period</em> is, by the indicator's cadence ({@link StatusPeriod}), the latest ISO
 * week (a weekly indicator) or month (a monthly one) with data for the indicator in the region (else, for an
 * indicator only planned, the region's latest week or month with any data, else this one), and every expected
 * territory has its status of that period — its figure or {@code NO_DATA} — with when it last reported, and a
 * municipality's place in the region's ranking of that same period. Gauges are read from here, so that a scrape
 * never queries the database. A region is refreshed with one query for its months with data and the
 * region-months {@link StatusQueries} keeps (loaded again only when the region's revision has moved).
 */
public final class StatusReadModel extends RegionReadModel {

    /**
     * One expected territory's status for one indicator in the region's current period.
     *
     * @param lastPeriodEnd      the end of the latest period the territory ever reported the indicator in
     * @param currentPeriodEnd   the end of the current period everyone is expected for: a week's Sunday; for a
     *                           month, the end of the latest period the region reported the indicator in, in it
     *                           (the month's end when nobody reported it)
     */
    public record CurrentStatus(IndicatorStatus status, Optional<LocalDate> lastPeriodEnd,
                                Optional<Instant> lastReceived, LocalDate currentPeriodEnd,
                                Optional<Integer> rankInRegion) {

        /** Whether the territory sent counts for the indicator in the current period. */
        public boolean reported() {
            return status.actual().isPresent();
        }
    }

    private record Latest(Month month, LocalDate periodEnd, Instant received) {
        Latest merge(Latest other) {
            int byMonth = month.compareTo(other.month);
            if (byMonth != 0) {
                return byMonth > 0 ? this : other;
            }
            return new Latest(month, periodEnd.isAfter(other.periodEnd) ? periodEnd : other.periodEnd,
                    received.isAfter(other.received) ? received : other.received);
        }
    }

    private record Key(TerritoryCode territory, IndicatorDefinition indicator) {
    }

    private final IndicatorCatalogue catalogue;
    private final StatusQueries statuses;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final ReadModelObserver observer;
    private final Clock clock;
    private final Map<TerritoryCode, List<CurrentStatus>> byRegion = new ConcurrentHashMap<>();

    public StatusReadModel(IndicatorCatalogue catalogue, StatusQueries statuses, TerritoryDirectory territories,
                           ReportStore reports, ReadModelObserver observer, Clock clock) {
        super(territories, observer);
        this.catalogue = catalogue;
        this.statuses = statuses;
        this.territories = territories;
        this.reports = reports;
        this.observer = observer;
        this.clock = clock;
    }

    public List<CurrentStatus> current() {
        return byRegion.values().stream().flatMap(Collection::stream).toList();
    }

    /** The current statuses of one region; empty until it has been read. */
    public List<CurrentStatus> current(TerritoryCode region) {
        return byRegion.getOrDefault(region, List.of());
    }

    @Override
    void compute(TerritoryCode regionCode) {
        Territory region = territories.find(regionCode).orElseThrow();
        Map<Key, Latest> latest = new HashMap<>();
        LocalDate anyData = null;
        for (DataMonth data : reports.dataMonths(regionCode, catalogue.metrics())) {
            Latest month = new Latest(data.month(), data.latestPeriodEnd(), data.lastReceived());
            for (IndicatorDefinition indicator : catalogue.reading(data.metric())) {
                latest.merge(new Key(data.territory(), indicator), month, Latest::merge);
            }
            if (data.territory().equals(regionCode) && (anyData == null || data.latestPeriodEnd().isAfter(anyData))) {
                anyData = data.latestPeriodEnd();
            }
        }
        LocalDate fallback = anyData != null ? anyData : LocalDate.now(clock);
        // The latest period ending last is in the latest month with data (a month counts by its last day).
        Map<ReportingPeriod, List<IndicatorDefinition>> byPeriod = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : catalogue.all()) {
            Latest ofRegion = latest.get(new Key(regionCode, indicator));
            byPeriod.computeIfAbsent(StatusPeriod.containing(indicator.cadence(),
                    ofRegion != null ? ofRegion.periodEnd() : fallback), period -> new ArrayList<>()).add(indicator);
        }
        List<CurrentStatus> fresh = new ArrayList<>();
        byPeriod.forEach((period, indicators) -> statuses.expectedStatuses(region, period, indicators).forEach(
                (indicator, expected) -> fresh.addAll(current(regionCode, indicator, period, expected, latest))));
        fresh.sort(Comparator.comparing((CurrentStatus s) -> s.status().indicator().code())
                .thenComparing(s -> s.status().territory().code().toString()));
        // Unchanged statuses keep the version, so the gauges' text rendered from them is kept too.
        if (!fresh.equals(byRegion.put(regionCode, fresh))) {
            changed();
        }
        observer.regionRefreshed(regionCode);
    }

    /** An indicator's expected statuses in its current period, with when each was reported and its place. */
    private static List<CurrentStatus> current(TerritoryCode region, IndicatorDefinition indicator,
                                               ReportingPeriod period, List<IndicatorStatus> expected,
                                               Map<Key, Latest> latest) {
        Optional<Latest> ofRegion = Optional.ofNullable(latest.get(new Key(region, indicator)));
        // A week is owed whole, to its Sunday; a month up to the latest period the region reported in it.
        LocalDate currentPeriodEnd = ofRegion.isPresent() && period instanceof Month ? ofRegion.get().periodEnd()
                : period.end();
        Ranking ranking = new Ranking(expected.stream()
                .filter(status -> status.territory().level() == TerritoryLevel.MUNICIPALITY).toList());
        Map<TerritoryCode, Integer> places = new HashMap<>();
        for (int i = 0; i < ranking.ranked().size(); i++) {
            int index = i;
            ranking.placeAt(i).ifPresent(place -> places.put(ranking.ranked().get(index).territory().code(), place));
        }
        List<CurrentStatus> current = new ArrayList<>();
        for (IndicatorStatus status : expected) {
            Optional<Latest> own = Optional.ofNullable(latest.get(new Key(status.territory().code(), indicator)));
            current.add(new CurrentStatus(status, own.map(Latest::periodEnd), own.map(Latest::received),
                    currentPeriodEnd, Optional.ofNullable(places.get(status.territory().code()))));
        }
        return current;
    }
}
