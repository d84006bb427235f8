package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.plan.PlanValidation;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.plan.SubmittedQuota;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.TerritoryResolution;

/** Set quotas: validated whole, stored whole or not at all; a later quota replaces the earlier. */
public final class SetQuotas {

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final PlanStore plans;
    private final RegionWrite write;

    public SetQuotas(IndicatorCatalogue catalogue, TerritoryDirectory territories, PlanStore plans,
                     Transactions transactions, RegionRevisions revisions) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.plans = plans;
        this.write = new RegionWrite(transactions, revisions);
    }

    public WriteResult<Integer> set(List<SubmittedQuota> rows) {
        return write.rows(new PlanValidation(catalogue, TerritoryResolution.over(territories)).quotas(rows),
                Quota::territory, plans::saveQuotas);
    }
}
