package tsos.monitor.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Keeps the read models behind the gauges current (the outlook after the statuses it is computed from): whole at
 * start and every {@code refreshEvery} (other replicas' batches), and for the regions of each batch this replica
 * stores, on the scheduler's thread so that ingestion never waits for it.
 *
 * <p>The regions of a stored batch are refreshed once the batches stop for {@code quiet} (3 s in service: longer than
 * a national batch of 5,000 school reports takes to store, so that a load's next batch is not mistaken for its end),
 * and at the latest {@code maxDelay} (30 s) after the first of them: a national load of many batches then refreshes
 * each region once, and does not take a core from the load while it runs. The figures change weekly and Prometheus
 * scrapes every 15 s to minutes: 30 s of delay hides nothing; the API's answers never wait for it.
 */
public final class ReadModelKeeper implements BatchStoredListener, ReadModelKeeping {

    private static final System.Logger LOG = System.getLogger(ReadModelKeeper.class.getName());

    private final StatusReadModel statuses;
    private final OutlookReadModel outlook;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Set<TerritoryCode> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastBatch;
    private volatile long firstPending;
    private volatile boolean stopping;

    /**
     * @param scheduler runs every refresh, one at a time (a single thread): the keeper owns it and stops it
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime} in service)
     */
    public ReadModelKeeper(StatusReadModel statuses, OutlookReadModel outlook, ScheduledExecutorService scheduler,
                           LongSupplier nanoClock, Duration quiet, Duration maxDelay) {
        this.statuses = statuses;
        this.outlook = outlook;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
    }

    /** Refreshes everything now, and again every {@code every}. */
    public void start(Duration every) {
        running.incrementAndGet(); // the first refresh waits for the scheduler's thread: not idle until it ran
        scheduler.execute(() -> {
            try {
                refreshAll();
            } finally {
                running.decrementAndGet();
            }
        });
        scheduler.scheduleWithFixedDelay(this::refreshAll, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void batchStored(Set<TerritoryCode> regions) {
        pending.addAll(regions);
        lastBatch = nanoClock.getAsLong();
        if (drainScheduled.compareAndSet(false, true)) {
            firstPending = lastBatch;
            scheduler.schedule(this::drain, quietNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        long now = nanoClock.getAsLong();
        long quiet = now - lastBatch;
        if (quiet < quietNanos && now - firstPending < maxDelayNanos) {
            scheduler.schedule(this::drain, quietNanos - quiet, TimeUnit.NANOSECONDS);
            return;
        }
        running.incrementAndGet(); // before the drain is unscheduled: never idle in between
        try {
            drainScheduled.set(false);
            List<TerritoryCode> regions = new ArrayList<>(pending);
            pending.removeAll(regions);
            regions.forEach(region -> guarded(() -> {
                statuses.refresh(region);
                outlook.refresh(region);
            }));
        } finally {
            running.decrementAndGet();
        }
    }

    private void refreshAll() {
        running.incrementAndGet();
        try {
            guarded(() -> {
                statuses.refreshAll();
                outlook.refreshAll();
            });
        } finally {
            running.decrementAndGet();
        }
    }

    /** A refresh that fails leaves the last values in place and says why; the scheduler would swallow it. */
    private void guarded(Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.log(System.Logger.Level.WARNING, "the read model could not be refreshed; the gauges keep their "
                        + "last values", e);
            }
        }
    }

    @Override
    public boolean refreshing() {
        return running.get() > 0;
    }

    @Override
    public boolean idle() {
        return !drainScheduled.get() && running.get() == 0; // in this order: a drain counts itself as running first
    }

    public void stop() {
        stopping = true;
        scheduler.shutdownNow();
    }
}
