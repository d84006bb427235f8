package tsos.monitor.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What the database holds at the end: the values stored, and the size of their table and of the whole. */
final class DatabaseSize implements Measurement {

    @Override
    public void measure(MeasuredService service, Report report) throws SQLException {
        try (Connection db = service.database()) {
            long table = scalar(db, "select pg_total_relation_size('reported_value')");
            long database = scalar(db, "select pg_database_size(current_database())");
            long values = scalar(db, "select coalesce(sum(values_stored), 0) from report_batch");
            report.note(String.format(Locale.ROOT, "Database: %,d values stored; reported_value with its indexes "
                    + "%s, the whole database %s.", values, Report.bytes(table), Report.bytes(database)));
        }
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
