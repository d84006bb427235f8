package tsos.monitor.adapters.prometheus;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.SubmitReports;
import tsos.monitor.application.WriteResult;
import tsos.monitor.domain.refusal.Field;

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
    public void observed(WriteResult<SubmitReports.Stored> result, int reportsInBatch) {
        result.fold(stored -> {
            batches.labelValues(stored.replayed() ? "replayed" : "stored").inc();
            if (!stored.replayed()) {
                accepted.inc(reportsInBatch);
            }
            return stored;
        }, refusal -> {
            batches.labelValues("refused").inc();
            switch (refusal.ground()) {
                case INVALID -> refusal.all().forEach(v -> refused.labelValues(reason(v.at())).inc());
                case FORBIDDEN -> refused.labelValues("forbidden_region").inc();
                case CONFLICT -> refused.labelValues("idempotency_key_reused").inc();
            }
            return refusal;
        });
    }

    /** The column at fault; any count is "counts", any month of a plan "months", so the labels stay few. */
    private static String reason(Field field) {
        if (field instanceof Field.Column column) {
            return column.word();
        }
        return field instanceof Field.Count ? "counts" : "months";
    }
}
