package tsos.monitor.domain.port;

/**
 * The store cannot be reached (its server is down, the connection broke, no connection could be had in time).
 * Nothing of the failed work was kept; the same call may succeed when it is retried.
 */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
