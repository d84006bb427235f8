package tsos.monitor.adapters.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;
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

    private final byte[] text;
    private final long count;

    private ReportedValueRows(byte[] text, long count) {
        this.text = text;
        this.count = count;
    }

    static ReportedValueRows of(long batchId, Instant receivedAt, List<TerritoryReport> reports,
                                ToLongFunction<TerritoryCode> territoryId) {
        StringBuilder rows = new StringBuilder(reports.size() * 8 * 64);
        String received = receivedAt.toString();
        long count = 0;
        for (TerritoryReport report : reports) {
            String prefix = batchId + "\t" + report.territory().code().region() + "\t"
                    + territoryId.applyAsLong(report.territory().code()) + "\t"
                    + report.period().text() + "\t" + report.period().start() + "\t" + report.period().end() + "\t"
                    + report.period().planMonth().atDay(1) + "\t";
            for (Map.Entry<Metric, Long> value : report.counts().values().entrySet()) {
                rows.append(prefix).append(value.getKey().name()).append('\t').append(value.getValue()).append('\t')
                        .append(received).append('\n');
                count++;
            }
        }
        return new ReportedValueRows(rows.toString().getBytes(StandardCharsets.UTF_8), count);
    }

    public long count() {
        return count;
    }

    /**
     * Copies the rows into {@code table}: {@code reported_value}, or a table made like it; on the connection's
     * transaction. Answers how many rows COPY wrote.
     */
    public long copyInto(Connection connection, String table) throws SQLException, IOException {
        long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " " + COLUMNS
                + " from stdin", new ByteArrayInputStream(text), 1 << 16);
        if (copied != count) {
            throw new SQLException("COPY into " + table + " wrote " + copied + " rows of " + count);
        }
        return copied;
    }
}
