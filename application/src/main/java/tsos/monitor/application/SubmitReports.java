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
import tsos.monitor.domain.refusal.Refusal;
import tsos.monitor.domain.refusal.Refusal.Ground;
import tsos.monitor.domain.refusal.Refusal.Rows;
import tsos.monitor.domain.refusal.Validated;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.report.ReportBatch;
import tsos.monitor.domain.report.ReportValidation;
import tsos.monitor.domain.report.ReportWarning;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.report.ValidReports;
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

    /** A batch stored now, or earlier under the same key with the same content ({@code replayed}). */
    public record Stored(StoredBatch batch, List<ReportWarning> warnings, boolean replayed) {
    }

    /** A dry run: the batch would be stored, with so many values and these warnings; nothing was stored. */
    public record Checked(int values, List<ReportWarning> warnings) {
    }

    /** Validates the batch as {@link #submit} would, and stores nothing. */
    public WriteResult<Checked> check(ReportBatch batch) {
        return validated(batch).fold(valid -> refusal(valid, batch.sender()).<WriteResult<Checked>>map(
                WriteResult.Refused::new).orElseGet(() -> new WriteResult.Stored<>(checked(valid))),
                WriteResult.Refused::new);
    }

    private static Checked checked(ValidReports valid) {
        int values = valid.reports().stream().mapToInt(report -> report.counts().values().size()).sum();
        return new Checked(values, valid.warnings());
    }

    /** A resolution of territories per batch: each region's territories are read once, as they are now. */
    private Validated<ValidReports> validated(ReportBatch batch) {
        return new ReportValidation(catalogue, TerritoryResolution.over(territories), maxRows).validate(batch);
    }

    /** Rows outside the sender's regions refuse a valid batch; empty when it may be stored. */
    private static Optional<Refusal> refusal(ValidReports valid, Sender sender) {
        List<Violation> outOfScope = outOfScope(sender, valid.reports());
        return outOfScope.isEmpty() ? Optional.empty()
                : Optional.of(Refusal.of(Ground.FORBIDDEN, Rows.REPORTS, outOfScope));
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

    public WriteResult<Stored> submit(ReportBatch batch) {
        WriteResult<Stored> result = stored(batch);
        observers.forEach(observer -> observer.observed(result, batch.reports().size()));
        return result;
    }

    private WriteResult<Stored> stored(ReportBatch batch) {
        return validated(batch).fold(valid -> refusal(valid, batch.sender()).<WriteResult<Stored>>map(
                WriteResult.Refused::new).orElseGet(() -> stored(batch, valid)), WriteResult.Refused::new);
    }

    private WriteResult<Stored> stored(ReportBatch batch, ValidReports valid) {
        String fingerprint = batch.fingerprint();
        String key = batch.idempotencyKey();
        Set<TerritoryCode> regions = valid.reports().stream().map(report -> report.territory().code().regionCode())
                .collect(Collectors.toSet());
        WriteResult<Stored> result = transactions.inTransaction(() -> {
            Optional<StoredBatch> earlier = store.findBatch(batch.sender().name(), key);
            if (earlier.isEmpty()) {
                // The regions first: a batch waits here for the one before it in any of its regions to commit, so
                // that what it supersedes, its values' order and its time of receipt all follow the commit order.
                // A concurrent call with the same key that stored first advances them once more, for nothing.
                revisions.advance(regions);
                Optional<StoredBatch> stored = store.store(key, fingerprint, batch.sender().name(), valid.reports());
                if (stored.isPresent()) {
                    return new WriteResult.Stored<>(new Stored(stored.get(), valid.warnings(), false));
                }
                earlier = store.findBatch(batch.sender().name(), key); // a concurrent call with the same key stored its batch first
            }
            StoredBatch first = earlier.orElseThrow(() -> new IllegalStateException("batch " + key + " vanished"));
            return first.fingerprint().equals(fingerprint)
                    ? new WriteResult.Stored<>(new Stored(first, valid.warnings(), true))
                    : new WriteResult.Refused<>(Refusal.of(Ground.CONFLICT, Rows.REPORTS, List.of(Violation.ofBatch(
                            Field.Column.IDEMPOTENCY_KEY, "'" + key + "' was used for a batch with other content (batch "
                                    + first.batchId() + ")"))));
        });
        if (result.fold(stored -> !stored.replayed(), refusal -> false)) {
            listeners.forEach(listener -> listener.batchStored(regions));
        }
        return result;
    }
}
