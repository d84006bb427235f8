package tsos.monitor.domain.port;

import java.util.List;
import tsos.monitor.domain.territory.TerritoryCode;
import tsos.monitor.domain.territory.Territory;

/** What resolving a sender's reference reads ({@code TerritoryResolution}): one region's territories at once. */
@FunctionalInterface
public interface RegisteredTerritories {

    /**
     * The region, then every municipality and school registered in it, in the order of their codes; empty when no
     * region has this code.
     */
    List<Territory> ofRegion(TerritoryCode region);
}
