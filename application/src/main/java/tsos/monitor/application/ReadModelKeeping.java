package tsos.monitor.application;

/**
 * Whether whoever keeps the read model current has work in hand: for what must not time a write beside a refresh
 * (the benchmark), and wait for the gauges to catch up with stored batches.
 */
public interface ReadModelKeeping {

    /** A refresh is running now. */
    boolean refreshing();

    /** No refresh is running and none waits for the batches to pause. */
    boolean idle();
}
