package tsos.monitor.domain.plan;

import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCode;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Which plan applies to a territory in a month: its own quota, else its own percent plan, else — for a
 * municipality — its region's percent plan. A region's quota is never handed down: "4 schools" of a region
 * says nothing of one district.
 */
public final class PlanInheritanceRule {

    private PlanInheritanceRule() {
    }

    /** The plans known for one indicator in one month, as a lookup by territory. */
    public interface Plans {
        /** No plans at all. */
        Plans NONE = of(Map.of(), Map.of());

        Optional<MonthlyPlan> monthlyPlan(TerritoryCode territory);

        Optional<Quota> quota(TerritoryCode territory);

        static Plans of(Map<TerritoryCode, MonthlyPlan> monthlyPlans, Map<TerritoryCode, Quota> quotas) {
            return new Plans() {
                @Override
                public Optional<MonthlyPlan> monthlyPlan(TerritoryCode territory) {
                    return Optional.ofNullable(monthlyPlans.get(territory));
                }

                @Override
                public Optional<Quota> quota(TerritoryCode territory) {
                    return Optional.ofNullable(quotas.get(territory));
                }
            };
        }
    }

    public static Optional<AppliedPlan> applicable(TerritoryCode territory, IndicatorCode indicator, Month month,
                                                   Plans plans) {
        Optional<AppliedPlan> own = plans.quota(territory)
                .filter(q -> q.indicator().equals(indicator) && q.year().getValue() == month.value().getYear())
                .<AppliedPlan>map(q -> new AppliedPlan(new PlanTarget.QuotaTarget(q.count()), PlanSource.OWN))
                .or(() -> percentPlan(territory, month, plans, PlanSource.OWN));
        if (own.isPresent() || territory.parent().isEmpty()) {
            return own;
        }
        return percentPlan(territory.regionCode(), month, plans, PlanSource.REGION);
    }

    private static Optional<AppliedPlan> percentPlan(TerritoryCode territory, Month month, Plans plans,
                                                     PlanSource source) {
        return plans.monthlyPlan(territory)
                .flatMap(plan -> plan.valueFor(month))
                .map(percent -> new AppliedPlan(new PlanTarget.PercentTarget(percent), source));
    }
}
