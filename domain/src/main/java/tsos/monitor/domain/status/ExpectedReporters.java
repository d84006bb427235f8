package tsos.monitor.domain.status;

import java.util.Set;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Who must report an indicator: a territory is expected to when its region reports it (some territory of the
 * region sent one of its own counts in the year) or when a plan or quota applies to it in the month (its own, or
 * for a municipality its region's plan). An expected territory that sent nothing is silent, never absent.
 * An indicator's own counts are its numerator and its school rule's numerators: a denominator ("all teachers",
 * "all schools") is shared by many indicators, and sending it for one says nothing of the others.
 */
public final class ExpectedReporters {

    private ExpectedReporters() {
    }

    /**
     * @param sentInRegionThisYear every metric some territory of the region sent in the month's year
     * @param plans                the indicator's plans of the year in the region
     */
    public static boolean expects(TerritoryCode territory, IndicatorDefinition indicator, Month month,
                                  Set<Metric> sentInRegionThisYear, PlanInheritanceRule.Plans plans) {
        return regionReports(indicator, sentInRegionThisYear)
                || PlanInheritanceRule.applicable(territory, indicator.code(), month, plans).isPresent();
    }

    /** Whether the region reports the indicator: some territory of it sent one of its own counts. */
    public static boolean regionReports(IndicatorDefinition indicator, Set<Metric> sentInRegionThisYear) {
        return sentInRegionThisYear.stream().anyMatch(metric -> isOwnCount(indicator, metric));
    }

    /** Whether sending the metric reports the indicator: its numerator or a school rule's, never a denominator. */
    public static boolean isOwnCount(IndicatorDefinition indicator, Metric metric) {
        return indicator.numerator().equals(metric) || indicator.schoolRule().stream()
                .flatMap(rule -> rule.criteria().stream())
                .anyMatch(criterion -> criterion.numerator().equals(metric));
    }
}
