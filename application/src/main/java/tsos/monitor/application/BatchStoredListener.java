package tsos.monitor.application;

import java.util.Set;
import tsos.monitor.domain.territory.TerritoryCode;

/** Told after a batch is committed, with the regions it reported on, so that read models (the gauges) follow it. */
@FunctionalInterface
public interface BatchStoredListener {

    void batchStored(Set<TerritoryCode> regions);
}
