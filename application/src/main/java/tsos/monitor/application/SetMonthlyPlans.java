package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanValidation;
import tsos.monitor.domain.plan.SubmittedPlan;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.TerritoryResolution;

/** Set monthly plans: validated whole, stored whole or not at all; a later plan replaces the earlier. */
public final class SetMonthlyPlans {

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final PlanStore plans;
    private final RegionWrite write;

    public SetMonthlyPlans(IndicatorCatalogue catalogue, TerritoryDirectory territories, PlanStore plans,
                           Transactions transactions, RegionRevisions revisions) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.plans = plans;
        this.write = new RegionWrite(transactions, revisions);
    }

    public WriteResult<Integer> set(List<SubmittedPlan> rows) {
        return write.rows(new PlanValidation(catalogue, TerritoryResolution.over(territories)).monthlyPlans(rows),
                MonthlyPlan::territory, plans::saveMonthlyPlans);
    }
}
