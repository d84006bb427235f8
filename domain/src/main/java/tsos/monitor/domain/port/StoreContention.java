package tsos.monitor.domain.port;

/**
 * The store gave up the work because concurrent work held what it needed (a deadlock or a serialization failure),
 * and retrying it inside did not get through. Nothing of the failed work was kept; the same call may succeed when it
 * is retried.
 */
public final class StoreContention extends RuntimeException {

    public StoreContention(String message, Throwable cause) {
        super(message, cause);
    }
}
