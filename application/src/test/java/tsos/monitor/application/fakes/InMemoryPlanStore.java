package tsos.monitor.application.fakes;

import java.util.ArrayList;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public Map<IndicatorCode, PlanInheritanceRule.Plans> plansWithin(TerritoryCode region, Year year) {
        Map<IndicatorCode, Map<TerritoryCode, MonthlyPlan>> plans = new HashMap<>();
        monthlyPlans.stream().filter(p -> p.year().equals(year) && p.territory().region().equals(region.region()))
                .forEach(p -> plans.computeIfAbsent(p.indicator(), i -> new HashMap<>()).put(p.territory(), p));
        Map<IndicatorCode, Map<TerritoryCode, Quota>> quotasOfYear = new HashMap<>();
        quotas.stream().filter(q -> q.year().equals(year) && q.territory().region().equals(region.region()))
                .forEach(q -> quotasOfYear.computeIfAbsent(q.indicator(), i -> new HashMap<>()).put(q.territory(), q));
        Map<IndicatorCode, PlanInheritanceRule.Plans> byIndicator = new HashMap<>();
        java.util.Set<IndicatorCode> indicators = new java.util.HashSet<>(plans.keySet());
        indicators.addAll(quotasOfYear.keySet());
        indicators.forEach(i -> byIndicator.put(i, PlanInheritanceRule.Plans.of(plans.getOrDefault(i, Map.of()),
                quotasOfYear.getOrDefault(i, Map.of()))));
        return byIndicator;
    }

    @Override
    public java.util.Set<Year> yearsPlanned(TerritoryCode region) {
        java.util.Set<Year> years = new java.util.TreeSet<>();
        monthlyPlans.stream().filter(p -> p.territory().region().equals(region.region())).forEach(p -> years.add(p.year()));
        quotas.stream().filter(q -> q.territory().region().equals(region.region())).forEach(q -> years.add(q.year()));
        return years;
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
