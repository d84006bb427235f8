package tsos.monitor.domain.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tsos.monitor.domain.indicator.Share;

/**
 * A territory's reporting rate in a period, as DHIS2 counts it: of the reports expected (each expected territory
 * and indicator), how many were received, and how many of those first arrived by the deadline after the period.
 * Kept as counts; the shares are computed from them.
 */
public record Completeness(int expected, int received, int onTime) {

    public static final Completeness NONE = new Completeness(0, 0, 0);

    public Completeness {
        if (onTime < 0 || onTime > received || received > expected) {
            throw new IllegalArgumentException("on time " + onTime + " of received " + received + " of expected "
                    + expected);
        }
    }

    /** One more expected report. */
    public Completeness with(boolean received, boolean onTime) {
        return new Completeness(expected + 1, this.received + (received ? 1 : 0), this.onTime + (onTime ? 1 : 0));
    }

    public Completeness plus(Completeness other) {
        return new Completeness(expected + other.expected, received + other.received, onTime + other.onTime);
    }

    public Share receivedShare() {
        return new Share(received, expected);
    }

    public Share onTimeShare() {
        return new Share(onTime, expected);
    }

    /** A report is on time when it first arrived no later than the deadline after the end of its period. */
    public static boolean onTime(Instant firstArrival, LocalDate periodEnd, Duration deadline) {
        return !firstArrival.isAfter(periodEnd.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(deadline));
    }
}
