package tsos.monitor.domain.port;

/** Whether the store answers now, for health checks that must say NOT_SERVING while it does not. */
@FunctionalInterface
public interface StoreHealth {

    boolean reachable();
}
