package tsos.monitor.domain.plan;

/** The plan a status was measured against, and whose it was. */
public record AppliedPlan(PlanTarget target, PlanSource source) {
}
