package tsos.monitor.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The service's own settings ({@code tsos.*} in application.yml, or -D / environment), each with its default here
 * and nowhere else. The gRPC adapter's own sits beside it: {@code HealthSettings} (adapters-grpc).
 */
final class Settings {

    private Settings() {
    }

    /**
     * @param openReads reads (statuses, rankings, history, briefings) need no token; false requires one
     */
    @ConfigurationProperties("tsos.auth")
    record Auth(@Bindable(defaultValue = "true") boolean openReads) {
    }

    /**
     * @param maxRows             a batch larger than this is refused whole, with a message to split it
     * @param maxRowsInFlight     rows of all the batches being validated and stored at once (some 7 KB of heap
     *                            each: 50,000 suits -Xmx512m)
     * @param admissionWaitMillis how long a batch waits for room before it is answered RESOURCE_EXHAUSTED with a
     *                            retry delay
     */
    @ConfigurationProperties("tsos.ingestion")
    record Ingestion(@Bindable(defaultValue = "50000") int maxRows,
                     @Bindable(defaultValue = "50000") int maxRowsInFlight,
                     @Bindable(defaultValue = "1000") long admissionWaitMillis) {
    }

    /** @param regionMonthsKept region-months kept in memory while their region's revision holds (200: two national months) */
    @ConfigurationProperties("tsos.status")
    record Status(@Bindable(defaultValue = "200") int regionMonthsKept) {
    }

    /**
     * @param checkSeconds    how often the year's reporting tables look for regions whose revision moved
     * @param maxChecksWaited how many checks a changed region waits at most for a load to pause
     */
    @ConfigurationProperties("tsos.year-status")
    record YearStatus(@Bindable(defaultValue = "5") int checkSeconds,
                      @Bindable(defaultValue = "60") int maxChecksWaited) {
    }

    /**
     * @param refreshSeconds        every gauge is rebuilt this often (other replicas' batches)
     * @param refreshQuietMillis    a stored batch's regions are refreshed once the batches stop for this long
     * @param refreshMaxDelayMillis and at the latest this long after the first of them
     */
    @ConfigurationProperties("tsos.metrics")
    record Metrics(@Bindable(defaultValue = "60") int refreshSeconds,
                   @Bindable(defaultValue = "3000") long refreshQuietMillis,
                   @Bindable(defaultValue = "30000") long refreshMaxDelayMillis) {
    }
}
