package tsos.monitor.application;

import java.time.Duration;

/**
 * Whether whoever keeps the read model current has work in hand: for what must not time a write beside a refresh
 * (the benchmark), and wait for the gauges to catch up with stored batches.
 */
public interface ReadModelKeeping {

    /** A refresh is running now. */
    boolean refreshing();

    /** No refresh is running and none waits for the batches to pause. */
    boolean idle();

    /** Waits until {@link #idle()}, at most {@code atMost}; answers whether it is. */
    default boolean awaitIdle(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!idle() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return idle();
    }
}
