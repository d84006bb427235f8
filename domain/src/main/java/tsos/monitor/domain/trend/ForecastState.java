package tsos.monitor.domain.trend;

public enum ForecastState {
    /** The share is projected to reach the year target by December. */
    ON_TRACK,
    /** The share is projected to miss the year target: act now, not in December. */
    OFF_TRACK,
    /** No percent plan for December: nothing to forecast against. */
    NO_TARGET,
    /** A target, but no month of this year with a percent. */
    NO_DATA
}
