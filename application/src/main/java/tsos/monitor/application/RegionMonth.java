package tsos.monitor.application;

import java.util.HashMap;
import java.util.Map;
import tsos.monitor.domain.indicator.Counts;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.status.IndicatorStatus;
import tsos.monitor.domain.status.PartialReportRule;
import tsos.monitor.domain.status.RatioOfSums;
import tsos.monitor.domain.status.TerritoryTree;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * One load of a region's latest counts in a month (a partial report's missing counts at their latest earlier
 * value: {@link PartialReportRule}) and of its plans for the year, from which the status of any
 * territory in it, for any indicator, is computed in memory. Shared between threads once loaded.
 */
final class RegionMonth {

    private final Month month;
    private final Map<TerritoryCode, Counts> counts;
    private final Map<TerritoryCode, Counts> earlier;
    private final Map<IndicatorCode, PlanInheritanceRule.Plans> plansByIndicator;
    private final TerritoryTree tree;
    private final Map<IndicatorCode, RatioOfSums> values = new HashMap<>();

    /** @param earlier the latest earlier values of the counts the month's partial reports lack */
    RegionMonth(Month month, Map<TerritoryCode, Counts> counts, Map<TerritoryCode, Counts> earlier,
                Map<IndicatorCode, PlanInheritanceRule.Plans> plansByIndicator) {
        this.month = month;
        this.counts = counts;
        this.earlier = earlier;
        this.plansByIndicator = plansByIndicator;
        this.tree = TerritoryTree.of(counts.keySet());
    }

    /** Synchronized: the sums are computed on first demand and remembered. */
    synchronized IndicatorStatus statusOf(Territory territory, IndicatorDefinition indicator) {
        RatioOfSums ofIndicator = values.computeIfAbsent(indicator.code(), code -> earlier.isEmpty()
                ? new RatioOfSums(indicator, counts, tree)
                : new RatioOfSums(indicator, PartialReportRule.countsFor(indicator, counts, earlier)));
        return new IndicatorStatus(territory, indicator, month, ofIndicator.of(territory.code()).share(),
                PlanInheritanceRule.applicable(territory.code(), indicator.code(), month,
                        plansByIndicator.getOrDefault(indicator.code(), PlanInheritanceRule.Plans.NONE)));
    }
}
