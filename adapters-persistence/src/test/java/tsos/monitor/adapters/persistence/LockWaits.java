package tsos.monitor.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/** For the tests that make writers meet on a row: whether one waits for another's lock, and waiting on a latch. */
final class LockWaits {

    private LockWaits() {
    }

    /** Asked outside a transaction: inside one, pg_stat_activity is read once and then stands still. */
    static boolean someoneWaitsForALock(Connection connection) throws SQLException {
        return someoneWaitsForALock(connection, "");
    }

    /** Whether a statement whose text holds {@code statement} waits for a lock. */
    static boolean someoneWaitsForALock(Connection connection, String statement) throws SQLException {
        try (PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity "
                + "where wait_event_type = 'Lock' and position(? in query) > 0")) {
            waiting.setString(1, statement);
            try (ResultSet row = waiting.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
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
