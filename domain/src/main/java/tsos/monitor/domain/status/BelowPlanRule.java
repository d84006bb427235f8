package tsos.monitor.domain.status;

import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;
import tsos.monitor.domain.indicator.Share;
import tsos.monitor.domain.plan.AppliedPlan;
import tsos.monitor.domain.plan.PlanTarget;

/**
 * Whether an actual share is below its plan. A percent plan is compared with the actual percent as shown, to
 * two decimals, so the state never contradicts the figures beside it; a quota is compared with the numerator.
 */
public final class BelowPlanRule {

    private BelowPlanRule() {
    }

    public static IndicatorState stateOf(Optional<Share> actual, Optional<AppliedPlan> plan) {
        if (actual.isEmpty()) {
            return IndicatorState.NO_DATA;
        }
        Share share = actual.get();
        if (!share.isConsistent()) {
            return IndicatorState.INCONSISTENT;
        }
        if (plan.isEmpty()) {
            return share.denominator() == 0 ? IndicatorState.NO_DATA : IndicatorState.NO_PLAN;
        }
        PlanTarget target = plan.get().target();
        if (target instanceof PlanTarget.QuotaTarget quota) {
            return share.numerator() < quota.count() ? IndicatorState.BELOW_PLAN : IndicatorState.ABOVE_PLAN;
        }
        Percent planned = ((PlanTarget.PercentTarget) target).percent();
        return share.percent()
                .map(percent -> percent.compareTo(planned) < 0 ? IndicatorState.BELOW_PLAN : IndicatorState.ABOVE_PLAN)
                .orElse(IndicatorState.NO_DATA);
    }
}
