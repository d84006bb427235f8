package tsos.monitor.domain.plan;

import java.util.Optional;
import tsos.monitor.domain.indicator.Percent;

/** The plan a status was measured against, and whose it was. */
public record AppliedPlan(PlanTarget target, PlanSource source) {

    /** The plan's percent; empty for a quota. */
    public Optional<Percent> percent() {
        return target instanceof PlanTarget.PercentTarget percentTarget ? Optional.of(percentTarget.percent())
                : Optional.empty();
    }
}
