package tsos.monitor.adapters.persistence;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import tsos.monitor.domain.port.StoreBusy;
import tsos.monitor.domain.port.StoreUnavailable;

/**
 * Tells a database that cannot be reached from a statement that failed: SQLSTATE class 08 (connection
 * exception), 57P (the server shutting down), a refused socket, a pool that found no connection in time because
 * none could be opened; and a busy service from those: a pool that found every connection in use.
 */
final class Unavailability {

    private Unavailability() {
    }

    /** The failure as the port's {@link StoreUnavailable} or {@link StoreBusy} when it is one, else as it was. */
    static RuntimeException translated(RuntimeException failure) {
        if (failure instanceof StoreUnavailable || failure instanceof StoreBusy) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException poolTimeout) {
                // The pool gives the last failure to connect as the cause when connecting failed: none, when
                // every connection was simply in use.
                return brokenConnection(poolTimeout.getCause())
                        ? new StoreUnavailable(poolTimeout.getMessage(), failure)
                        : new StoreBusy(poolTimeout.getMessage(), failure);
            }
        }
        return brokenConnection(failure) ? new StoreUnavailable(rootMessage(failure), failure) : failure;
    }

    /**
     * A connection that failed or could not be had. Micronaut Data's {@link ConnectionException} covers the
     * connection's own handling: when a statement breaks the connection (the server stopped mid-call), releasing
     * it fails too ("Connection is closed", no SQLSTATE), and that failure is the one thrown.
     */
    private static boolean brokenConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof ConnectionException && !(cause instanceof NoConnectionException)
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
