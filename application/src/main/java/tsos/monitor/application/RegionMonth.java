package tsos.monitor.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.status.Coverage;
import tsos.monitor.domain.status.ExpectedReporters;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.PartialReportRule;
import tsos.monitor.domain.status.RatioOfSums;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.status.TerritoryTree;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryLevel;

/**
 * One load of a region's latest counts in a period — a month, or an ISO week ({@link StatusPeriod}), whose plans
 * and expected reporters are those of its plan month — (a partial report's missing counts at their latest earlier
 * value: {@link PartialReportRule}), of its plans for the year, of its registered territories and of the metrics
 * it sent in the year (who is expected to report: {@link ExpectedReporters}), from which the status of any
 * territory in it, for any indicator, is computed in memory. Shared between threads once loaded.
 */
final class RegionMonth {

    private final ReportingPeriod period;
    private final Month month;
    private final Map<TerritoryCode, Counts> counts;
    private final Map<TerritoryCode, Counts> earlier;
    private final Map<IndicatorCode, PlanInheritanceRule.Plans> plansByIndicator;
    private final Map<TerritoryCode, List<Territory>> registeredChildren;
    private final Set<Metric> sentThisYear;
    private final TerritoryTree tree;
    private final Map<IndicatorCode, RatioOfSums> values = new HashMap<>();
    private final Map<IndicatorCode, Map<TerritoryCode, IndicatorStatus>> withCoverage = new HashMap<>();

    /**
     * @param earlier      the latest earlier values of the counts the month's partial reports lack
     * @param registered   every registered municipality and school of the region
     * @param sentThisYear every metric some territory of the region sent in the month's year
     */
    RegionMonth(ReportingPeriod period, Map<TerritoryCode, Counts> counts, Map<TerritoryCode, Counts> earlier,
                Map<IndicatorCode, PlanInheritanceRule.Plans> plansByIndicator, List<Territory> registered,
                Set<Metric> sentThisYear) {
        this.period = period;
        this.month = new Month(period.planMonth());
        this.counts = counts;
        this.earlier = earlier;
        this.plansByIndicator = plansByIndicator;
        this.registeredChildren = registered.stream().collect(Collectors.groupingBy(
                territory -> territory.code().parent().orElseThrow()));
        this.sentThisYear = sentThisYear;
        this.tree = TerritoryTree.of(counts.keySet());
    }

    /**
     * Synchronized: the sums are computed on first demand and remembered, and so are a region's and a
     * municipality's statuses with their coverage (a municipality's walks its schools).
     */
    synchronized IndicatorStatus statusOf(Territory territory, IndicatorDefinition indicator) {
        if (territory.level() == TerritoryLevel.SCHOOL) {
            return ownStatus(territory, indicator);
        }
        return withCoverage.computeIfAbsent(indicator.code(), code -> new HashMap<>())
                .computeIfAbsent(territory.code(), code -> withCoverage(territory, indicator));
    }

    private IndicatorStatus withCoverage(Territory territory, IndicatorDefinition indicator) {
        IndicatorStatus own = ownStatus(territory, indicator);
        List<IndicatorStatus> expectedChildren = registeredChildren.getOrDefault(territory.code(), List.of()).stream()
                .filter(child -> expects(child.code(), indicator))
                .map(child -> ownStatus(child, indicator))
                .toList();
        return new IndicatorStatus(territory, indicator, month, own.actual(), own.plan(),
                Coverage.of(expectedChildren), period);
    }

    /** Whether the territory is expected to report the indicator in this period (by its plan month). */
    synchronized boolean expects(TerritoryCode territory, IndicatorDefinition indicator) {
        return ExpectedReporters.expects(territory, indicator, month, sentThisYear, plans(indicator));
    }

    /** The registered municipalities of the region (its children). */
    List<Territory> municipalities(TerritoryCode region) {
        return registeredChildren.getOrDefault(region, List.of());
    }

    private IndicatorStatus ownStatus(Territory territory, IndicatorDefinition indicator) {
        RatioOfSums ofIndicator = values.computeIfAbsent(indicator.code(), code -> earlier.isEmpty()
                ? new RatioOfSums(indicator, counts, tree)
                : new RatioOfSums(indicator, PartialReportRule.countsFor(indicator, counts, earlier)));
        return new IndicatorStatus(territory, indicator, month, ofIndicator.of(territory.code()).share(),
                PlanInheritanceRule.applicable(territory.code(), indicator.code(), month, plans(indicator)),
                Coverage.NONE, period);
    }

    /** The plan that applies to the territory's indicator in another month of the same year (the plans are the year's). */
    Optional<AppliedPlan> planIn(Territory territory, IndicatorDefinition indicator, Month other) {
        return PlanInheritanceRule.applicable(territory.code(), indicator.code(), other, plans(indicator));
    }

    private PlanInheritanceRule.Plans plans(IndicatorDefinition indicator) {
        return plansByIndicator.getOrDefault(indicator.code(), PlanInheritanceRule.Plans.NONE);
    }
}
