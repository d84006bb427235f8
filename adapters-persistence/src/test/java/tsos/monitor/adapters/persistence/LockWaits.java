package tsos.monitor.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/** For the tests that make writers meet on a row: whether one waits for another's lock, and waiting on a latch. */
final class LockWaits {

    private LockWaits() {
    }

    static boolean someoneWaitsForALock(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    /** Inside work given to a transaction, which may not throw a checked exception. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
