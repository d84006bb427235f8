package tsos.monitor.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import tsos.monitor.domain.sender.Sender;

/**
 * A sender's batch of reports, stored whole or not at all. The idempotency key makes a retried batch a no-op;
 * the fingerprint tells a true retry (same content) from a key reused for different content.
 */
public record ReportBatch(String idempotencyKey, Sender sender, List<SubmittedReport> reports) {

    public ReportBatch {
        reports = List.copyOf(reports);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
    }

    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SubmittedReport report : reports) {
                String row = report.territory() + "\t" + report.period() + "\t" + new TreeMap<>(report.counts()) + "\n";
                digest.update(row.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
