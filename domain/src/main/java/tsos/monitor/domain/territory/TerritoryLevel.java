package tsos.monitor.domain.territory;

/** federation → region → municipality → school; the order is depth in the hierarchy. */
public enum TerritoryLevel {
    REGION,
    MUNICIPALITY,
    SCHOOL
}
