package tsos.monitor.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.territory.TerritoryReference;

/**
 * A sender's batch of reports, stored whole or not at all. The idempotency key makes a retried batch a no-op;
 * the fingerprint tells a true retry (same content) from a key reused for different content.
 */
public record ReportBatch(String idempotencyKey, Sender sender, List<SubmittedReport> reports) {

    public ReportBatch {
        reports = List.copyOf(reports);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
    }

    /**
     * SHA-256 of the canonical text of the reports: a line per report, "territory TAB period TAB {metric=count, …}",
     * the territory as "region/municipality/school" without its empty parts, the counts in the order of their names. The text is that of the first version, so that a retry of a
     * batch stored before an upgrade is still known for what it is.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder(reports.size() * 256);
        for (SubmittedReport report : reports) {
            TerritoryReference territory = report.territory();
            text.append(territory.region())
                    .append(territory.municipality().isEmpty() ? "" : "/" + territory.municipality())
                    .append(territory.school().isEmpty() ? "" : "/" + territory.school())
                    .append('\t').append(report.period()).append("\t{");
            String[] names = report.counts().keySet().toArray(String[]::new);
            Arrays.sort(names);
            for (int i = 0; i < names.length; i++) {
                text.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(report.counts().get(names[i]));
            }
            text.append("}\n");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
