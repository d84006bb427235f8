package tsos.monitor.domain.plan;

/** Whose plan applied to a territory's status. */
public enum PlanSource {
    /** The territory's own plan. */
    OWN,
    /** The region's plan, for a municipality without one of its own. */
    REGION
}
