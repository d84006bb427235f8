package tsos.monitor.application;

import java.util.function.Consumer;
import tsos.monitor.domain.port.StoreUnavailable;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * How a read model recomputes one region: a region whose data cannot be read keeps what it had and is told to the
 * observer, so that one bad value never blinds the other regions; a store that cannot be reached at all, or a
 * service that is stopping, is no region's fault and is thrown.
 */
final class RegionByRegion {

    private RegionByRegion() {
    }

    /** @return whether the region was recomputed */
    static boolean recompute(TerritoryCode region, Consumer<TerritoryCode> compute, ReadModelObserver observer) {
        try {
            compute.accept(region);
            return true;
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the service is stopping and its connections with it
            }
            observer.regionFailed(region, e);
            return false;
        }
    }
}
