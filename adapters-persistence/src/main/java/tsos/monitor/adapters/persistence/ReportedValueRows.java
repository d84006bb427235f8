package tsos.monitor.adapters.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tsos.monitor.domain.indicator.Metric;
import tsos.monitor.domain.report.TerritoryReport;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A batch's values as rows of {@code reported_value} in COPY's text format: the one encoding of a stored value,
 * which the store writes and a benchmark's yardstick copies (COPY writes a national week several times faster than
 * batched inserts).
 */
public final class ReportedValueRows {

    private static final String COLUMNS = "(batch_id, region, territory_id, period, period_start, period_end, "
            + "plan_month, metric, value, received_at)";

    @FunctionalInterface
    private interface Encoding {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Encoding encoding;
    private final long count;

    private ReportedValueRows(Encoding encoding, long count) {
        this.encoding = encoding;
        this.count = count;
    }

    static ReportedValueRows of(long batchId, Instant receivedAt, List<TerritoryReport> reports,
                                ToLongFunction<TerritoryCode> territoryId) {
        long count = reports.stream().mapToLong(report -> report.counts().values().size()).sum();
        String received = receivedAt.toString();
        return new ReportedValueRows(out -> {
            StringBuilder rows = new StringBuilder(1024);
            for (TerritoryReport report : reports) {
                rows.setLength(0);
                String prefix = batchId + "\t" + report.territory().code().region() + "\t"
                        + territoryId.applyAsLong(report.territory().code()) + "\t"
                        + report.period().text() + "\t" + report.period().start() + "\t" + report.period().end()
                        + "\t" + report.period().planMonth().atDay(1) + "\t";
                for (Map.Entry<Metric, Long> value : report.counts().values().entrySet()) {
                    rows.append(prefix).append(value.getKey().name()).append('\t').append(value.getValue())
                            .append('\t').append(received).append('\n');
                }
                out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
            }
        }, count);
    }

    public long count() {
        return count;
    }

    /** The same rows encoded now, once: for a yardstick that times COPY alone. */
    public ReportedValueRows encodedAhead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, count * 80));
        encoding.writeTo(bytes);
        byte[] text = bytes.toByteArray();
        return new ReportedValueRows(out -> out.write(text), count);
    }

    /**
     * Copies the rows into {@code table}, {@code reported_value} or a table made like it, on the connection's
     * transaction; answers how many rows COPY wrote. The rows are encoded as they are sent, so that PostgreSQL
     * parses one part while the next is encoded.
     */
    public long copyInto(Connection connection, String table) throws SQLException, IOException {
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "copy " + table + " "
                + COLUMNS + " from stdin", 1 << 16);
        long copied;
        try {
            encoding.writeTo(copy);
            copied = copy.endCopy();
        } catch (IOException | SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        if (copied != count) {
            throw new SQLException("COPY into " + table + " wrote " + copied + " rows of " + count);
        }
        return copied;
    }
}
