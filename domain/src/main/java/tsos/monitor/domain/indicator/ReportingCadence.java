package tsos.monitor.domain.indicator;

import java.time.Duration;

/** How often an indicator is reported, and so how long its data may be silent before it is stale. */
public enum ReportingCadence {
    WEEKLY(Duration.ofDays(7)),
    MONTHLY(Duration.ofDays(31));

    private final Duration period;

    ReportingCadence(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }
}
