package tsos.monitor.application;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.Ranking;
import tsos.monitor.domain.status.RatioOfSums;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLookup;
import tsos.monitor.domain.territory.TerritoryReference;

/** Actual against plan: one territory's status, a region's municipalities ranked. */
public final class StatusQueries {

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final ReportStore reports;
    private final PlanStore plans;

    public StatusQueries(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore reports,
                         PlanStore plans) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.reports = reports;
        this.plans = plans;
    }

    public IndicatorStatus status(TerritoryReference reference, String indicatorCode, Month month) {
        Territory territory = territory(reference);
        IndicatorDefinition indicator = indicator(indicatorCode);
        return new RegionMonth(territory.code(), month, indicator.metrics()).statusOf(territory, indicator);
    }

    public Ranking municipalitiesRanked(String region, String indicatorCode, Month month) {
        Territory regionTerritory = territory(new TerritoryReference(region, "", ""));
        IndicatorDefinition indicator = indicator(indicatorCode);
        RegionMonth data = new RegionMonth(regionTerritory.code(), month, indicator.metrics());
        return new Ranking(territories.children(regionTerritory.code()).stream()
                .map(municipality -> data.statusOf(municipality, indicator)).toList());
    }

    /** Every region and municipality (of one region, or of the country) and indicator below plan in a month. */
    public List<IndicatorStatus> belowPlan(Month month, Optional<String> region) {
        List<Territory> regions = region.isPresent() ? List.of(territory(new TerritoryReference(region.get(), "", "")))
                : territories.regions();
        List<IndicatorStatus> below = new ArrayList<>();
        for (Territory regionTerritory : regions) {
            RegionMonth data = new RegionMonth(regionTerritory.code(), month, catalogue.metrics());
            if (data.isEmpty()) {
                continue;
            }
            List<Territory> ofRegion = new ArrayList<>(List.of(regionTerritory));
            ofRegion.addAll(territories.children(regionTerritory.code()));
            for (IndicatorDefinition indicator : catalogue.all()) {
                ofRegion.stream().map(territory -> data.statusOf(territory, indicator))
                        .filter(IndicatorStatus::isBelowPlan).forEach(below::add);
            }
        }
        return below;
    }

    /** Each month's status, oldest first, and every value the territory reported for the indicator. */
    public record History(List<IndicatorStatus> months, List<ReportStore.ReportedValue> values) {
    }

    public History history(TerritoryReference reference, String indicatorCode) {
        Territory territory = territory(reference);
        IndicatorDefinition indicator = indicator(indicatorCode);
        List<ReportStore.ReportedValue> values = reports.history(territory.code(), indicator.metrics());
        List<IndicatorStatus> months = reports.monthsWithData(territory.code(), indicator.metrics()).stream()
                .map(month -> new RegionMonth(territory.code(), month, indicator.metrics())
                        .statusOf(territory, indicator))
                .toList();
        return new History(months, values);
    }

    /**
     * The statuses of many territories of one region in one month, for many indicators, from one load of the
     * region's counts and one of its plans.
     */
    public List<IndicatorStatus> statusesIn(TerritoryCode region, Month month,
                                            Map<IndicatorDefinition, List<Territory>> wanted) {
        RegionMonth data = new RegionMonth(region, month, catalogue.metrics());
        List<IndicatorStatus> statuses = new ArrayList<>();
        wanted.forEach((indicator, ofRegion) -> ofRegion.forEach(t -> statuses.add(data.statusOf(t, indicator))));
        return statuses;
    }

    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    private Territory territory(TerritoryReference reference) {
        TerritoryLookup.Resolution resolution = territories.resolve(reference);
        if (resolution instanceof TerritoryLookup.NotFound notFound) {
            throw new UnknownReference(notFound.field(), notFound.reason());
        }
        return ((TerritoryLookup.Found) resolution).territory();
    }

    private IndicatorDefinition indicator(String code) {
        return catalogue.find(code)
                .orElseThrow(() -> new UnknownReference("indicator", "'" + code + "' is not in the catalogue"));
    }

    /**
     * One load of a subtree's latest counts in a month and of its region's plans for the year, from which the
     * statuses of any territory in it, for any indicator, are computed in memory.
     */
    private final class RegionMonth {
        private final Month month;
        private final Map<TerritoryCode, Counts> counts;
        private final Map<IndicatorCode, PlanInheritanceRule.Plans> plansByIndicator;
        private final Map<IndicatorCode, RatioOfSums> values = new HashMap<>();

        RegionMonth(TerritoryCode root, Month month, Set<Metric> metrics) {
            this.month = month;
            this.counts = reports.latestCounts(root, month, metrics);
            this.plansByIndicator = plans.plansWithin(root.regionCode(), Year.of(month.value().getYear()));
        }

        boolean isEmpty() {
            return counts.isEmpty();
        }

        IndicatorStatus statusOf(Territory territory, IndicatorDefinition indicator) {
            RatioOfSums ofIndicator = values.computeIfAbsent(indicator.code(), code -> new RatioOfSums(indicator, counts));
            return new IndicatorStatus(territory, indicator, month, ofIndicator.of(territory.code()).share(),
                    PlanInheritanceRule.applicable(territory.code(), indicator.code(), month,
                            plansByIndicator.getOrDefault(indicator.code(), PlanInheritanceRule.Plans.NONE)));
        }
    }
}
