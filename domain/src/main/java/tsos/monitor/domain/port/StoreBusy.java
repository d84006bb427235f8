package tsos.monitor.domain.port;

/**
 * The store answers, but every connection to it is in use and none came free in time: the service is busy, not
 * broken. Nothing of the failed work was kept; the same call may succeed when it is retried a moment later.
 */
public final class StoreBusy extends RuntimeException {

    public StoreBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
