package tsos.monitor.application;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.PartialReportRule;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Region-months (and region-weeks, {@link RegionMonth}) loaded from the stores and kept, the most recently used first, while their region's revision is
 * unchanged. A month's statuses are asked for many times over (a ranking per indicator, the gauges, the national
 * list) and change only when a batch, a plan or a territory of the region is stored: loading the region's counts is
 * what costs, computing from them is cheap.
 */
final class RegionMonths {

    private record Key(TerritoryCode region, ReportingPeriod period) {
    }

    private record Loaded(long revision, RegionMonth data) {
    }

    private final ReportStore reports;
    private final PlanStore plans;
    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final Map<Key, Loaded> kept;

    RegionMonths(ReportStore reports, PlanStore plans, IndicatorCatalogue catalogue, TerritoryDirectory territories,
                 int capacity) {
        this.reports = reports;
        this.territories = territories;
        this.plans = plans;
        this.catalogue = catalogue;
        this.kept = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Loaded> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param revision the region's revision, read before this call: data loaded here is at least as new as it,
     *                 so keeping it under that revision can only cause a needless reload, never a stale answer
     */
    RegionMonth of(TerritoryCode region, ReportingPeriod period, long revision) {
        Key key = new Key(region, period);
        synchronized (kept) {
            Loaded known = kept.get(key);
            if (known != null && known.revision() == revision) {
                return known.data();
            }
        }
        Month month = new Month(period.planMonth());
        IsoWeek week = period instanceof IsoWeek isoWeek ? isoWeek : null;
        Map<TerritoryCode, Counts> inPeriod = week != null ? reports.latestCountsInWeek(region, week,
                catalogue.metrics()) : reports.latestCounts(region, month, catalogue.metrics());
        Map<TerritoryCode, Set<Metric>> missing = PartialReportRule.missing(catalogue.all(), inPeriod);
        Map<TerritoryCode, Counts> earlier = missing.isEmpty() ? Map.of() : week != null
                ? reports.latestBeforeWeek(region, week, missing) : reports.latestBefore(region, month, missing);
        RegionMonth data = new RegionMonth(period, inPeriod, earlier,
                plans.plansWithin(region, Year.of(month.value().getYear())), territories.within(region),
                sentInYear(region, month));
        synchronized (kept) {
            Loaded known = kept.get(key);
            if (known == null || known.revision() <= revision) {
                kept.put(key, new Loaded(revision, data));
            }
        }
        return data;
    }

    private Set<Metric> sentInYear(TerritoryCode region, Month month) {
        int year = month.value().getYear();
        return reports.dataMonths(region, catalogue.metrics()).stream()
                .filter(data -> data.month().value().getYear() == year)
                .map(ReportStore.DataMonth::metric)
                .collect(Collectors.toSet());
    }
}
