package tsos.monitor.application;

import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.ReportStore.StoredBatch;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.ReportValidation;
import tsos.monitor.domain.report.ValidationOutcome;

/** Submit a batch of reports: validated whole, stored whole or not at all, once per idempotency key. */
public final class SubmitReports {

    private final ReportValidation validation;
    private final ReportStore store;
    private final Transactions transactions;
    private final List<BatchStoredListener> listeners;
    private final List<IngestionObserver> observers;

    public SubmitReports(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore store,
                         Transactions transactions, int maxRows, List<BatchStoredListener> listeners,
                         List<IngestionObserver> observers) {
        this.validation = new ReportValidation(catalogue, territories, maxRows);
        this.store = store;
        this.transactions = transactions;
        this.listeners = List.copyOf(listeners);
        this.observers = List.copyOf(observers);
    }

    /** Validates the batch as {@link #submit} would, and stores nothing. */
    public SubmissionResult check(ReportBatch batch) {
        ValidationOutcome outcome = validation.validate(batch);
        if (outcome instanceof ValidationOutcome.Malformed malformed) {
            return new SubmissionResult.Refused(malformed.violations());
        }
        ValidationOutcome.Valid valid = (ValidationOutcome.Valid) outcome;
        int values = valid.reports().stream().mapToInt(report -> report.counts().values().size()).sum();
        return new SubmissionResult.Checked(values, valid.warnings());
    }

    public SubmissionResult submit(ReportBatch batch) {
        SubmissionResult result = stored(batch);
        observers.forEach(observer -> observer.observed(result, batch.reports().size()));
        return result;
    }

    private SubmissionResult stored(ReportBatch batch) {
        ValidationOutcome outcome = validation.validate(batch);
        if (outcome instanceof ValidationOutcome.Malformed malformed) {
            return new SubmissionResult.Refused(malformed.violations());
        }
        ValidationOutcome.Valid valid = (ValidationOutcome.Valid) outcome;
        String fingerprint = batch.fingerprint();
        SubmissionResult result = transactions.inTransaction(() -> {
            Optional<StoredBatch> earlier = store.findBatch(batch.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get().fingerprint().equals(fingerprint)
                        ? new SubmissionResult.Stored(earlier.get(), valid.warnings(), true)
                        : new SubmissionResult.KeyReused(batch.idempotencyKey(), earlier.get());
            }
            StoredBatch stored = store.store(batch.idempotencyKey(), fingerprint, batch.sender(), valid.reports());
            return new SubmissionResult.Stored(stored, valid.warnings(), false);
        });
        if (result instanceof SubmissionResult.Stored stored && !stored.replayed()) {
            listeners.forEach(listener -> listener.batchStored(valid.reports()));
        }
        return result;
    }
}
