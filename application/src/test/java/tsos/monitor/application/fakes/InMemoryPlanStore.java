package tsos.monitor.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.plan.MonthlyPlan;
import tsos.monitor.domain.plan.PlanInheritanceRule;
import tsos.monitor.domain.plan.Quota;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.territory.TerritoryCode;

/** Plans and quotas in memory; a later one for the same indicator, territory and year replaces the earlier. */
public final class InMemoryPlanStore implements PlanStore, InMemoryTransactions.Participant {

    private final InMemoryTransactions transactions;
    private final List<MonthlyPlan> monthlyPlans = new ArrayList<>();
    private final List<Quota> quotas = new ArrayList<>();

    public InMemoryPlanStore(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this);
    }

    @Override
    public Runnable checkpoint() {
        List<MonthlyPlan> plansBefore = new ArrayList<>(monthlyPlans);
        List<Quota> quotasBefore = new ArrayList<>(quotas);
        return () -> {
            monthlyPlans.clear();
            monthlyPlans.addAll(plansBefore);
            quotas.clear();
            quotas.addAll(quotasBefore);
        };
    }

    @Override
    public void saveMonthlyPlans(List<MonthlyPlan> plans) {
        transactions.requireOpen();
        for (MonthlyPlan plan : plans) {
            monthlyPlans.removeIf(p -> p.indicator().equals(plan.indicator()) && p.territory().equals(plan.territory())
                    && p.year().equals(plan.year()));
            monthlyPlans.add(plan);
        }
    }

    @Override
    public void saveQuotas(List<Quota> newQuotas) {
        transactions.requireOpen();
        for (Quota quota : newQuotas) {
            quotas.removeIf(q -> q.indicator().equals(quota.indicator()) && q.territory().equals(quota.territory())
                    && q.year().equals(quota.year()));
            quotas.add(quota);
        }
    }

    @Override
    public PlanInheritanceRule.Plans plansWithin(TerritoryCode region, IndicatorCode indicator, Month month) {
        int year = month.value().getYear();
        List<MonthlyPlan> plans = monthlyPlans.stream()
                .filter(p -> p.indicator().equals(indicator) && p.year().getValue() == year
                        && p.territory().region().equals(region.region()))
                .toList();
        List<Quota> quotasOfYear = quotas.stream()
                .filter(q -> q.indicator().equals(indicator) && q.year().getValue() == year
                        && q.territory().region().equals(region.region()))
                .toList();
        return new PlanInheritanceRule.Plans() {
            @Override
            public Optional<MonthlyPlan> monthlyPlan(TerritoryCode territory) {
                return plans.stream().filter(p -> p.territory().equals(territory)).findFirst();
            }

            @Override
            public Optional<Quota> quota(TerritoryCode territory) {
                return quotasOfYear.stream().filter(q -> q.territory().equals(territory)).findFirst();
            }
        };
    }

    public List<MonthlyPlan> monthlyPlans() {
        return List.copyOf(monthlyPlans);
    }

    public List<Quota> quotas() {
        return List.copyOf(quotas);
    }

    public boolean isEmpty() {
        return monthlyPlans.isEmpty() && quotas.isEmpty();
    }
}
