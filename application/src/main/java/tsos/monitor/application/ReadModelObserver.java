package tsos.monitor.application;

import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Told how each region's refresh of the {@link StatusReadModel} went. A region whose data cannot be read keeps its
 * last statuses and is reported here; the other regions refresh as if nothing happened.
 */
public interface ReadModelObserver {

    void regionRefreshed(TerritoryCode region);

    void regionFailed(TerritoryCode region, RuntimeException cause);
}
