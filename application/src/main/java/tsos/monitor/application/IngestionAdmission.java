package tsos.monitor.application;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many report rows are validated and stored at once, across every call: bounded, because a row in flight
 * holds some 7 KB of heap (a 50,000-row batch about 330 MB) and nothing else stops three large batches from
 * exhausting memory together. A batch waits briefly for room (first come, first served), then is refused: the
 * sender is told to send it again after {@link #retryAfter()}, and nothing of it was stored.
 */
public final class IngestionAdmission {

    private final int maxRowsInFlight;
    private final Duration patience;
    private final Semaphore rows;

    public IngestionAdmission(int maxRowsInFlight, Duration patience) {
        if (maxRowsInFlight < 1) {
            throw new IllegalArgumentException("at least one row must be let in, not " + maxRowsInFlight);
        }
        this.maxRowsInFlight = maxRowsInFlight;
        this.patience = patience;
        this.rows = new Semaphore(maxRowsInFlight, true);
    }

    /** Room for a batch of this many rows, within the patience; empty when there is none. */
    public Optional<Admitted> admit(int batchRows) {
        // A batch larger than the bound is let in alone (validation refuses what is larger than a batch may be).
        int asked = Math.max(1, Math.min(batchRows, maxRowsInFlight));
        try {
            if (!rows.tryAcquire(asked, patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new Admitted(asked));
    }

    /** When a refused batch may be sent again: about the time a large batch takes to be stored. */
    public Duration retryAfter() {
        return Duration.ofSeconds(2);
    }

    public int maxRowsInFlight() {
        return maxRowsInFlight;
    }

    public int rowsInFlight() {
        return maxRowsInFlight - rows.availablePermits();
    }

    /** A batch's room, given back when it has been answered. */
    public final class Admitted implements AutoCloseable {

        private final int rowsHeld;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admitted(int rowsHeld) {
            this.rowsHeld = rowsHeld;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                rows.release(rowsHeld);
            }
        }
    }
}
