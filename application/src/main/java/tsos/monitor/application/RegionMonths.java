package tsos.monitor.application;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.plan.PlanInheritanceRule;
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

    private record YearKey(TerritoryCode region, int year) {
    }

    /** What every period of a region's year shares: its plans of the year and the metrics sent in it. */
    private record RegionYear(long revision, Map<IndicatorCode, PlanInheritanceRule.Plans> plans, Set<Metric> sent) {
    }

    private final ReportStore reports;
    private final PlanStore plans;
    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final Map<Key, Loaded> kept;
    private final Map<YearKey, RegionYear> years = new ConcurrentHashMap<>();

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
        RegionYear year = yearOf(region, month.value().getYear(), revision);
        RegionMonth data = new RegionMonth(period, inPeriod, earlier, year.plans(), territories.within(region),
                year.sent());
        synchronized (kept) {
            Loaded known = kept.get(key);
            if (known == null || known.revision() <= revision) {
                kept.put(key, new Loaded(revision, data));
            }
        }
        return data;
    }

    /**
     * The region's plans and sent metrics of the year, read once per revision however many of its months and weeks
     * are loaded (a region's data months span every year: reading them for each period was most of a load).
     */
    private RegionYear yearOf(TerritoryCode region, int year, long revision) {
        YearKey key = new YearKey(region, year);
        RegionYear known = years.get(key);
        if (known != null && known.revision() == revision) {
            return known;
        }
        Set<Metric> sent = reports.dataMonths(region, catalogue.metrics()).stream()
                .filter(data -> data.month().value().getYear() == year)
                .map(ReportStore.DataMonth::metric)
                .collect(Collectors.toSet());
        RegionYear read = new RegionYear(revision, plans.plansWithin(region, Year.of(year)), sent);
        years.merge(key, read, (old, fresh) -> old.revision() > fresh.revision() ? old : fresh);
        return read;
    }
}
