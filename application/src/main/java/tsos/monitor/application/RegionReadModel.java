package tsos.monitor.application;

import java.util.concurrent.atomic.AtomicLong;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A read model kept region by region: a region whose data cannot be read keeps what it had and is told to the
 * observer, so that one bad value never blinds the other regions; a store that cannot be reached at all, or a
 * service that is stopping, is no region's fault and is thrown. Readers are told a version that grows whenever
 * what the model holds changes, and whether every region was computed once.
 */
public abstract class RegionReadModel {

    private final TerritoryDirectory territories;
    private final ReadModelObserver observer;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean loaded;

    RegionReadModel(TerritoryDirectory territories, ReadModelObserver observer) {
        this.territories = territories;
        this.observer = observer;
    }

    /** Computes the region again; throws when its data cannot be read. */
    abstract void compute(TerritoryCode region);

    /** Every region; the model is loaded once each has been computed or has failed (and been told). */
    public final void refreshAll() {
        territories.regions().forEach(region -> refresh(region.code()));
        loaded = true;
    }

    public final void refresh(TerritoryCode region) {
        try {
            compute(region);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the service is stopping and its connections with it
            }
            observer.regionFailed(region, e);
        }
    }

    /** Grows whenever what the model holds changes: a reader may keep what it built from it while unchanged. */
    public final long version() {
        return version.get();
    }

    /** Whether every region has been computed once (or has failed, counted): before that the model is partial. */
    public final boolean loaded() {
        return loaded;
    }

    /** Called by the model when what it holds of a region changed. */
    final void changed() {
        version.incrementAndGet();
    }
}
