package tsos.monitor.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.ReportStore.DataMonth;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * The current status of every region and municipality for every indicator it has a share of: the status of
 * its latest month with data, how fresh that data is, and a municipality's place in its region. Gauges are read
 * from here, so that a scrape never queries the database. A region is refreshed with one query for its months
 * with data and, per distinct month, the region-month {@link StatusQueries} keeps (loaded again only when the
 * region's revision has moved), whatever the number of indicators.
 */
public final class StatusReadModel {

    /** One territory's current status for one indicator, and the freshness of the data behind it. */
    public record CurrentStatus(IndicatorStatus status, LocalDate latestPeriodEnd, Instant lastReceived,
                                Optional<Integer> rankInRegion) {
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

    private final StatusQueries statuses;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final ReadModelObserver observer;
    private final Map<TerritoryCode, List<CurrentStatus>> byRegion = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public StatusReadModel(StatusQueries statuses, TerritoryDirectory territories, ReportStore reports,
                           ReadModelObserver observer) {
        this.statuses = statuses;
        this.territories = territories;
        this.reports = reports;
        this.observer = observer;
    }

    public List<CurrentStatus> current() {
        return byRegion.values().stream().flatMap(Collection::stream).toList();
    }

    /** Grows with every refresh: a reader may keep what it built from {@link #current()} while it is unchanged. */
    public long version() {
        return version.get();
    }

    public void refreshAll() {
        territories.regions().forEach(region -> refresh(region.code()));
    }

    /**
     * Reads the region again. A region whose data cannot be read keeps its last statuses and is told to the
     * observer, so that one bad value never blinds the other regions; a store that cannot be reached at all is
     * no region's fault and is thrown.
     */
    public void refresh(TerritoryCode region) {
        try {
            compute(region);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            observer.regionFailed(region, e);
            return;
        }
        observer.regionRefreshed(region);
    }

    private void compute(TerritoryCode region) {
        Map<Key, Latest> latest = new HashMap<>();
        var catalogue = statuses.catalogue();
        for (DataMonth data : reports.dataMonths(region, catalogue.metrics())) {
            Latest month = new Latest(data.month(), data.latestPeriodEnd(), data.lastReceived());
            for (IndicatorDefinition indicator : catalogue.reading(data.metric())) {
                latest.merge(new Key(data.territory(), indicator), month, Latest::merge);
            }
        }
        Map<Month, Map<IndicatorDefinition, List<Territory>>> wanted = new HashMap<>();
        latest.forEach((key, month) -> territories.find(key.territory()).ifPresent(territory -> wanted
                .computeIfAbsent(month.month(), m -> new HashMap<>())
                .computeIfAbsent(key.indicator(), i -> new ArrayList<>()).add(territory)));
        List<IndicatorStatus> computed = new ArrayList<>();
        wanted.forEach((month, ofMonth) -> statuses.statusesIn(region, month, ofMonth).stream()
                .filter(status -> status.actual().isPresent())
                .forEach(computed::add));
        List<CurrentStatus> fresh = withRanks(computed, latest);
        // Unchanged statuses keep the version, so the gauges' text rendered from them is kept too.
        if (!fresh.equals(byRegion.put(region, fresh))) {
            version.incrementAndGet();
        }
    }

    private static List<CurrentStatus> withRanks(List<IndicatorStatus> computed, Map<Key, Latest> latest) {
        Map<IndicatorDefinition, Ranking> rankings = computed.stream()
                .filter(status -> status.territory().level() == TerritoryLevel.MUNICIPALITY)
                .collect(Collectors.groupingBy(IndicatorStatus::indicator,
                        Collectors.collectingAndThen(Collectors.toList(), Ranking::new)));
        return computed.stream()
                .sorted(Comparator.comparing((IndicatorStatus s) -> s.indicator().code())
                        .thenComparing(s -> s.territory().code().toString()))
                .map(status -> {
                    Latest data = latest.get(new Key(status.territory().code(), status.indicator()));
                    Optional<Integer> rank = status.territory().level() != TerritoryLevel.MUNICIPALITY
                            ? Optional.empty()
                            : rankings.get(status.indicator()).placeOf(status);
                    return new CurrentStatus(status, data.periodEnd(), data.received(), rank);
                })
                .toList();
    }
}
