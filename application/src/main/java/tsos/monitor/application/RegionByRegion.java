package tsos.monitor.application;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * How a read model is kept, region by region: a region whose data cannot be read keeps what it had and is told to
 * the observer, so that one bad value never blinds the other regions; a store that cannot be reached at all, or a
 * service that is stopping, is no region's fault and is thrown. It keeps what every read model tells its readers
 * too: a version that grows whenever what the model holds changes, and whether every region was computed once.
 */
final class RegionByRegion {

    private final TerritoryDirectory territories;
    private final Consumer<TerritoryCode> compute;
    private final ReadModelObserver observer;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean loaded;

    RegionByRegion(TerritoryDirectory territories, Consumer<TerritoryCode> compute, ReadModelObserver observer) {
        this.territories = territories;
        this.compute = compute;
        this.observer = observer;
    }

    /** Every region; the model is loaded once each has been computed or has failed (and been told). */
    void refreshAll() {
        territories.regions().forEach(region -> refresh(region.code()));
        loaded = true;
    }

    void refresh(TerritoryCode region) {
        try {
            compute.accept(region);
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the service is stopping and its connections with it
            }
            observer.regionFailed(region, e);
        }
    }

    /** Called by the model when what it holds of a region changed. */
    void changed() {
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }

    boolean loaded() {
        return loaded;
    }
}
