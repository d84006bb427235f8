package tsos.monitor.adapters.prometheus;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.SubmissionResult;

/** The service's own counters of reports and batches, by outcome, and refusals by what was wrong. */
final class IngestionCounters implements IngestionObserver {

    private final Counter accepted;
    private final Counter refused;
    private final Counter batches;

    IngestionCounters(PrometheusRegistry registry, IngestionAdmission admission) {
        // Batches refused for want of room are counted by tsos_grpc_request_duration_seconds{code="RESOURCE_EXHAUSTED"}.
        GaugeWithCallback.builder().name("tsos_ingestion_rows_in_flight")
                .help("Report rows being validated and stored now, across all calls.")
                .callback(callback -> callback.call(admission.rowsInFlight())).register(registry);
        GaugeWithCallback.builder().name("tsos_ingestion_rows_in_flight_limit")
                .help("At most this many rows are validated and stored at once (tsos.ingestion.max-rows-in-flight).")
                .callback(callback -> callback.call(admission.maxRowsInFlight())).register(registry);
        accepted = Counter.builder().name("tsos_reports_accepted_total")
                .help("Reports (rows) stored; a replayed batch does not count again.").register(registry);
        refused = Counter.builder().name("tsos_reports_refused_total")
                .help("Problems that refused a batch, by the field at fault (region, period, counts, ...).")
                .labelNames("reason").register(registry);
        batches = Counter.builder().name("tsos_report_batches_total")
                .help("Batches submitted, by outcome: stored, replayed, refused.").labelNames("outcome")
                .register(registry);
    }

    @Override
    public void observed(SubmissionResult result, int reportsInBatch) {
        if (result instanceof SubmissionResult.Stored stored) {
            batches.labelValues(stored.replayed() ? "replayed" : "stored").inc();
            if (!stored.replayed()) {
                accepted.inc(reportsInBatch);
            }
        } else if (result instanceof SubmissionResult.Refused refusal) {
            batches.labelValues("refused").inc();
            refusal.violations().forEach(v -> refused.labelValues(v.field()).inc());
        } else if (result instanceof SubmissionResult.Forbidden) {
            batches.labelValues("refused").inc();
            refused.labelValues("forbidden_region").inc();
        } else if (result instanceof SubmissionResult.KeyReused) {
            batches.labelValues("refused").inc();
            refused.labelValues("idempotency_key_reused").inc();
        }
    }
}
