package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Territory;

/** Register territories and set their plans; each call is all or nothing. */
public final class Planning {

    private final TerritoryDirectory territories;
    private final PlanStore plans;
    private final Transactions transactions;

    public Planning(TerritoryDirectory territories, PlanStore plans, Transactions transactions) {
        this.territories = territories;
        this.plans = plans;
        this.transactions = transactions;
    }

    public int register(List<Territory> newTerritories) {
        return transactions.inTransaction(() -> territories.register(newTerritories));
    }

    public int setMonthlyPlans(List<MonthlyPlan> monthlyPlans) {
        transactions.inTransaction(() -> {
            plans.saveMonthlyPlans(monthlyPlans);
            return monthlyPlans.size();
        });
        return monthlyPlans.size();
    }

    public int setQuotas(List<Quota> quotas) {
        transactions.inTransaction(() -> {
            plans.saveQuotas(quotas);
            return quotas.size();
        });
        return quotas.size();
    }
}
