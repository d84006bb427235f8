package tsos.monitor.domain.port;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.territory.TerritoryCode;

/** Monthly plans and quotas; a later plan for the same indicator, territory and year replaces the earlier. */
public interface PlanStore {

    void saveMonthlyPlans(List<MonthlyPlan> plans);

    void saveQuotas(List<Quota> quotas);

    /** The plans of a year for a region and everything in it, by indicator (an indicator without any: absent). */
    Map<IndicatorCode, PlanInheritanceRule.Plans> plansWithin(TerritoryCode region, Year year);

    /** The years with a plan or quota for a region or anything in it. */
    Set<Year> yearsPlanned(TerritoryCode region);
}
