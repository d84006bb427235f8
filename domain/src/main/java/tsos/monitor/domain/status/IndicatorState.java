package tsos.monitor.domain.status;

public enum IndicatorState {
    ABOVE_PLAN,
    BELOW_PLAN,
    NO_PLAN,
    NO_DATA,
    /** The counts contradict each other (numerator above denominator): no percent until a correction. */
    INCONSISTENT
}
