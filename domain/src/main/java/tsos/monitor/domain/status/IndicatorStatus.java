package tsos.monitor.domain.status;

import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.Level;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.PlanTarget;
import tsos.monitor.domain.territory.Territory;

/**
 * Actual against plan for one territory, indicator and period — a month, or an ISO week of a weekly indicator
 * ({@link StatusPeriod}), whose {@code month} is then the month its Sunday falls in, whose plan applied: the
 * share behind the actual, the plan that applied, the gap in percentage points, the level band and the state,
 * and how many of the territory's children reported of those expected to ({@link Coverage}). Everything but the share and the plan
 * is derived, so it cannot disagree with them.
 */
public record IndicatorStatus(Territory territory, IndicatorDefinition indicator, Month month,
                              Optional<Share> actual, Optional<AppliedPlan> plan, Coverage coverage,
                              ReportingPeriod period) {

    public IndicatorStatus {
        if (!(period instanceof Month || period instanceof IsoWeek) || !month.value().equals(period.planMonth())) {
            throw new IllegalArgumentException("a status of " + period.text() + " is read for a month or an ISO week,"
                    + " with the plan of the month it ends in, not " + month);
        }
    }

    /** A month's status. */
    public IndicatorStatus(Territory territory, IndicatorDefinition indicator, Month month, Optional<Share> actual,
                           Optional<AppliedPlan> plan, Coverage coverage) {
        this(territory, indicator, month, actual, plan, coverage, month);
    }

    /** A month's status whose children's coverage is not told (a school's, or one computed without the registry). */
    public IndicatorStatus(Territory territory, IndicatorDefinition indicator, Month month, Optional<Share> actual,
                           Optional<AppliedPlan> plan) {
        this(territory, indicator, month, actual, plan, Coverage.NONE, month);
    }

    public IndicatorState state() {
        return BelowPlanRule.stateOf(actual, plan);
    }

    /** The actual percent, when the counts give one (present, consistent, denominator above zero). */
    public Optional<Percent> percent() {
        return actual.flatMap(Share::percent);
    }

    public Optional<Percent> planPercent() {
        return plan.flatMap(AppliedPlan::percent);
    }

    public Optional<Long> quota() {
        return plan.map(AppliedPlan::target)
                .filter(PlanTarget.QuotaTarget.class::isInstance)
                .map(target -> ((PlanTarget.QuotaTarget) target).count());
    }

    /** Actual minus plan, in percentage points; negative below plan. */
    public Optional<Percent> gap() {
        return percent().flatMap(actualPercent -> planPercent().map(actualPercent::minus));
    }

    public Optional<Level> level() {
        return percent().flatMap(indicator.bands()::levelOf);
    }

    public boolean isBelowPlan() {
        return state() == IndicatorState.BELOW_PLAN;
    }
}
