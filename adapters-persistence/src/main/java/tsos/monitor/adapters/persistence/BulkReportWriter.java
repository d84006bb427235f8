package tsos.monitor.adapters.persistence;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tsos.monitor.domain.port.ReportStore.StoredBatch;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Reports known to be valid, written in bulk as the service writes a batch: its {@code report_batch} row, its
 * values by COPY, {@code data_month} and its regions' revisions, in one transaction. For loading generated data
 * (the benchmark): what it measures is written by this module alone, so that a migration changes it with the
 * service.
 */
@Singleton
public final class BulkReportWriter {

    private final JdbcTransactions transactions;
    private final PostgresRegionRevisions revisions;
    private final PostgresReportStore store;
    private final TerritoryIds territories;

    BulkReportWriter(JdbcTransactions transactions, PostgresRegionRevisions revisions, PostgresReportStore store,
                     TerritoryIds territories) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.store = store;
        this.territories = territories;
    }

    /** Writes the reports as one batch of {@code sender}; empty when the sender already stored one under the key. */
    public Optional<StoredBatch> write(String sender, String idempotencyKey, List<TerritoryReport> reports) {
        Set<TerritoryCode> regions = reports.stream().map(report -> report.territory().code().regionCode())
                .collect(Collectors.toSet());
        // Written once, never retried: the fingerprint only has to be the key's own.
        String fingerprint = sha256(sender + "\n" + idempotencyKey);
        return transactions.inTransaction(() -> {
            revisions.advance(regions);
            return store.store(idempotencyKey, fingerprint, sender, reports);
        });
    }

    /** The rows the store would write for these reports, to copy elsewhere (a yardstick's table). */
    public ReportedValueRows rows(long batchId, Instant receivedAt, List<TerritoryReport> reports) {
        return ReportedValueRows.of(batchId, receivedAt, reports, territories::idOf);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
