package tsos.monitor.domain.port;

import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * The registered territories: regions ship with the schema; municipalities and schools are registered. A
 * sender's reference is resolved over it by the domain's {@code TerritoryResolution}.
 */
public interface TerritoryDirectory extends RegisteredTerritories {

    Optional<Territory> find(TerritoryCode code);

    /** The 89 regions, by subject code. */
    List<Territory> regions();

    /** The direct children of a territory (a region's municipalities, a municipality's schools). */
    List<Territory> children(TerritoryCode parent);

    /** Every registered municipality and school of a region, in the order of their codes. */
    List<Territory> within(TerritoryCode region);

    /** Registers new territories or renames known ones; parents must exist or come earlier in the list. */
    int register(List<Territory> territories);
}
