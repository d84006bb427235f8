package tsos.monitor.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.ReportStore.DataMonth;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * The current status of every region and municipality for every indicator with data: the status of its latest
 * month with data, how fresh that data is, and a municipality's place in its region. Gauges are read from here,
 * so that a scrape never queries the database; it is refreshed for the regions a batch touched, and whole.
 */
public final class StatusReadModel {

    /** One territory's current status for one indicator, and the freshness of the data behind it. */
    public record CurrentStatus(IndicatorStatus status, LocalDate latestPeriodEnd, Instant lastReceived,
                                Optional<Integer> rankInRegion) {
    }

    private record Key(TerritoryCode region, String indicator) {
    }

    private final StatusQueries statuses;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final Map<Key, List<CurrentStatus>> current = new ConcurrentHashMap<>();

    public StatusReadModel(StatusQueries statuses, TerritoryDirectory territories, ReportStore reports) {
        this.statuses = statuses;
        this.territories = territories;
        this.reports = reports;
    }

    public List<CurrentStatus> current() {
        return current.values().stream().flatMap(Collection::stream).toList();
    }

    public void refreshAll() {
        territories.regions().forEach(region -> refresh(region.code()));
    }

    /** The regions a batch reported on, to be refreshed after it is stored. */
    public static Set<TerritoryCode> regionsOf(List<TerritoryReport> batch) {
        return batch.stream().map(report -> report.territory().code().regionCode())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void refresh(TerritoryCode region) {
        for (IndicatorDefinition indicator : statuses.catalogue().all()) {
            Key key = new Key(region, indicator.code().value());
            List<CurrentStatus> refreshed = currentStatuses(region, indicator);
            if (refreshed.isEmpty()) {
                current.remove(key);
            } else {
                current.put(key, refreshed);
            }
        }
    }

    private List<CurrentStatus> currentStatuses(TerritoryCode region, IndicatorDefinition indicator) {
        Map<TerritoryCode, DataMonth> latest = new HashMap<>();
        for (DataMonth month : reports.dataMonths(region, indicator.metrics())) {
            latest.merge(month.territory(), month,
                    (a, b) -> a.month().compareTo(b.month()) >= 0 ? a : b);
        }
        Map<Month, List<Territory>> byMonth = new HashMap<>();
        latest.forEach((code, month) -> territories.find(code).ifPresent(territory ->
                byMonth.computeIfAbsent(month.month(), m -> new ArrayList<>()).add(territory)));
        List<IndicatorStatus> computed = new ArrayList<>();
        byMonth.forEach((month, ofMonth) -> computed.addAll(statuses.statusesIn(region, indicator, month, ofMonth)));
        Ranking municipalities = new Ranking(computed.stream()
                .filter(status -> status.territory().level() == TerritoryLevel.MUNICIPALITY).toList());
        return computed.stream()
                .sorted(Comparator.comparing(status -> status.territory().code().toString()))
                .map(status -> {
                    DataMonth data = latest.get(status.territory().code());
                    Optional<Integer> rank = status.territory().level() == TerritoryLevel.MUNICIPALITY
                            ? municipalities.placeOf(status) : Optional.empty();
                    return new CurrentStatus(status, data.latestPeriodEnd(), data.lastReceived(), rank);
                })
                .toList();
    }
}
