package tsos.monitor.domain.port;

import java.util.List;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.territory.TerritoryCode;

/** Monthly plans and quotas; a later plan for the same indicator, territory and year replaces the earlier. */
public interface PlanStore {

    void saveMonthlyPlans(List<MonthlyPlan> plans);

    void saveQuotas(List<Quota> quotas);

    /** The plans of one indicator and year for a region and everything in it. */
    PlanInheritanceRule.Plans plansWithin(TerritoryCode region, IndicatorCode indicator, Month month);
}
