package tsos.monitor.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.indicator.IndicatorDefinition;
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
        return new RegionSnapshot(territory.code().regionCode(), indicator, month, territory.code()).statusOf(territory);
    }

    public Ranking municipalitiesRanked(String region, String indicatorCode, Month month) {
        Territory regionTerritory = territory(new TerritoryReference(region, "", ""));
        IndicatorDefinition indicator = indicator(indicatorCode);
        RegionSnapshot snapshot = new RegionSnapshot(regionTerritory.code(), indicator, month, regionTerritory.code());
        return new Ranking(territories.children(regionTerritory.code()).stream().map(snapshot::statusOf).toList());
    }

    /** Every region and municipality (of one region, or of the country) and indicator below plan in a month. */
    public List<IndicatorStatus> belowPlan(Month month, Optional<String> region) {
        List<Territory> regions = region.isPresent() ? List.of(territory(new TerritoryReference(region.get(), "", "")))
                : territories.regions();
        List<IndicatorStatus> below = new ArrayList<>();
        for (Territory regionTerritory : regions) {
            for (IndicatorDefinition indicator : catalogue.all()) {
                RegionSnapshot snapshot = new RegionSnapshot(regionTerritory.code(), indicator, month,
                        regionTerritory.code());
                if (snapshot.isEmpty()) {
                    continue;
                }
                below.add(snapshot.statusOf(regionTerritory));
                territories.children(regionTerritory.code()).forEach(m -> below.add(snapshot.statusOf(m)));
            }
        }
        return below.stream().filter(IndicatorStatus::isBelowPlan).toList();
    }

    /** Each month's status, oldest first, and every value the territory reported for the indicator. */
    public record History(List<IndicatorStatus> months, List<ReportStore.ReportedValue> values) {
    }

    public History history(TerritoryReference reference, String indicatorCode) {
        Territory territory = territory(reference);
        IndicatorDefinition indicator = indicator(indicatorCode);
        List<ReportStore.ReportedValue> values = reports.history(territory.code(), indicator.metrics());
        List<IndicatorStatus> months = reports.monthsWithData(territory.code(), indicator.metrics()).stream()
                .map(month -> new RegionSnapshot(territory.code().regionCode(), indicator, month, territory.code())
                        .statusOf(territory))
                .toList();
        return new History(months, values);
    }

    /** The statuses of any territories of one region for one indicator and month, from one load of its data. */
    public List<IndicatorStatus> statusesIn(TerritoryCode region, IndicatorDefinition indicator, Month month,
                                            List<Territory> territoriesOfRegion) {
        RegionSnapshot snapshot = new RegionSnapshot(region, indicator, month, region);
        return territoriesOfRegion.stream().map(snapshot::statusOf).toList();
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

    /** One load of a subtree's counts and its region's plans, from which any number of statuses are computed. */
    private final class RegionSnapshot {
        private final IndicatorDefinition indicator;
        private final Month month;
        private final RatioOfSums values;
        private final PlanInheritanceRule.Plans regionPlans;

        RegionSnapshot(TerritoryCode region, IndicatorDefinition indicator, Month month, TerritoryCode root) {
            this.indicator = indicator;
            this.month = month;
            Map<TerritoryCode, Counts> counts = reports.latestCounts(root, month, indicator.metrics());
            this.values = new RatioOfSums(indicator, counts);
            this.regionPlans = plans.plansWithin(region, indicator.code(), month);
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        IndicatorStatus statusOf(Territory territory) {
            return new IndicatorStatus(territory, indicator, month, values.of(territory.code()).share(),
                    PlanInheritanceRule.applicable(territory.code(), indicator.code(), month, regionPlans));
        }
    }
}
