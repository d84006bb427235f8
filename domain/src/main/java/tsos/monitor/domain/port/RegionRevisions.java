package tsos.monitor.domain.port;

import java.util.Map;
import java.util.Set;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A number per region that grows with every change to what the region's statuses are computed from: its counts,
 * its plans and quotas, its territories. A change advances it in its own transaction, so a copy of a region's
 * data taken after reading revision N is current for as long as the revision stays N, in every replica.
 */
public interface RegionRevisions {

    /**
     * Called inside the transaction that changes these regions' data, before it changes them: the regions are held,
     * in the order of their codes, until the transaction ends, so that the writers of a region follow one another
     * in the order they commit and two writers never wait for each other.
     */
    void advance(Set<TerritoryCode> regions);

    long of(TerritoryCode region);

    /** The revision of every region, read at once. */
    Map<TerritoryCode, Long> all();
}
