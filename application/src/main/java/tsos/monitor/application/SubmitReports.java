package tsos.monitor.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.ReportStore.StoredBatch;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.ReportValidation;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.report.ValidationOutcome;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.TerritoryResolution;

/** Submit a batch of reports: validated whole, stored whole or not at all, once per idempotency key. */
public final class SubmitReports {

    private final IndicatorCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final int maxRows;
    private final ReportStore store;
    private final Transactions transactions;
    private final RegionRevisions revisions;
    private final List<BatchStoredListener> listeners;
    private final List<IngestionObserver> observers;

    public SubmitReports(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore store,
                         Transactions transactions, RegionRevisions revisions, int maxRows,
                         List<BatchStoredListener> listeners, List<IngestionObserver> observers) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.maxRows = maxRows;
        this.store = store;
        this.transactions = transactions;
        this.revisions = revisions;
        this.listeners = List.copyOf(listeners);
        this.observers = List.copyOf(observers);
    }

    /** Validates the batch as {@link #submit} would, and stores nothing. */
    public SubmissionResult check(ReportBatch batch) {
        return validated(batch).fold(valid -> refusal(valid, batch.sender()).orElseGet(() -> checked(valid)),
                malformed -> new SubmissionResult.Refused(malformed.violations()));
    }

    private static SubmissionResult checked(ValidationOutcome.Valid valid) {
        int values = valid.reports().stream().mapToInt(report -> report.counts().values().size()).sum();
        return new SubmissionResult.Checked(values, valid.warnings());
    }

    /** A resolution of territories per batch: each region's territories are read once, as they are now. */
    private ValidationOutcome validated(ReportBatch batch) {
        return new ReportValidation(catalogue, TerritoryResolution.over(territories), maxRows).validate(batch);
    }

    /** Rows outside the sender's regions refuse a valid batch; empty when it may be stored. */
    private static Optional<SubmissionResult> refusal(ValidationOutcome.Valid valid, Sender sender) {
        List<Violation> outOfScope = outOfScope(sender, valid.reports());
        return outOfScope.isEmpty() ? Optional.empty() : Optional.of(new SubmissionResult.Forbidden(outOfScope));
    }

    /** Rows for regions the sender may not report for, each named by its region field. */
    private static List<Violation> outOfScope(Sender sender, List<TerritoryReport> reports) {
        List<Violation> violations = new ArrayList<>();
        for (int row = 0; row < reports.size(); row++) {
            if (!sender.mayReportFor(reports.get(row).territory().code())) {
                violations.add(new Violation(row, Field.Column.REGION, "sender " + sender
                        + " may not report for region " + reports.get(row).territory().code().region()));
            }
        }
        return violations;
    }

    public SubmissionResult submit(ReportBatch batch) {
        SubmissionResult result = stored(batch);
        observers.forEach(observer -> observer.observed(result, batch.reports().size()));
        return result;
    }

    private SubmissionResult stored(ReportBatch batch) {
        return validated(batch).fold(valid -> refusal(valid, batch.sender()).orElseGet(() -> stored(batch, valid)),
                malformed -> new SubmissionResult.Refused(malformed.violations()));
    }

    private SubmissionResult stored(ReportBatch batch, ValidationOutcome.Valid valid) {
        String fingerprint = batch.fingerprint();
        String key = batch.idempotencyKey();
        Set<TerritoryCode> regions = valid.reports().stream().map(report -> report.territory().code().regionCode())
                .collect(Collectors.toSet());
        SubmissionResult result = transactions.inTransaction(() -> {
            Optional<StoredBatch> earlier = store.findBatch(batch.sender().name(), key);
            if (earlier.isEmpty()) {
                // The regions first: a batch waits here for the one before it in any of its regions to commit, so
                // that what it supersedes, its values' order and its time of receipt all follow the commit order.
                // A concurrent call with the same key that stored first advances them once more, for nothing.
                revisions.advance(regions);
                Optional<StoredBatch> stored = store.store(key, fingerprint, batch.sender().name(), valid.reports());
                if (stored.isPresent()) {
                    return new SubmissionResult.Stored(stored.get(), valid.warnings(), false);
                }
                earlier = store.findBatch(batch.sender().name(), key); // a concurrent call with the same key stored its batch first
            }
            StoredBatch first = earlier.orElseThrow(() -> new IllegalStateException("batch " + key + " vanished"));
            return first.fingerprint().equals(fingerprint)
                    ? new SubmissionResult.Stored(first, valid.warnings(), true)
                    : new SubmissionResult.KeyReused(key, first);
        });
        if (result instanceof SubmissionResult.Stored stored && !stored.replayed()) {
            listeners.forEach(listener -> listener.batchStored(regions));
        }
        return result;
    }
}
