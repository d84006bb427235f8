package tsos.monitor.adapters.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import tsos.monitor.domain.port.StoreUnavailable;

/**
 * Tells a database that cannot be reached from a statement that failed: SQLSTATE class 08 (connection
 * exception), 57P (the server shutting down), a pool that found no connection in time, a refused socket.
 */
final class Unavailability {

    private Unavailability() {
    }

    /** The failure as the port's {@link StoreUnavailable} when it is one, else as it was. */
    static RuntimeException translated(RuntimeException failure) {
        if (failure instanceof StoreUnavailable) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return new StoreUnavailable(cause.getMessage(), failure);
            }
        }
        return failure;
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
