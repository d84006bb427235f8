package tsos.monitor.application.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.territory.TerritoryCode;

/** Revisions in memory, rolled back with the transaction that advanced them. */
public final class InMemoryRegionRevisions implements RegionRevisions, InMemoryTransactions.Participant {

    private final InMemoryTransactions transactions;
    private final Map<TerritoryCode, Long> revisions = new HashMap<>();

    public InMemoryRegionRevisions(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this);
    }

    @Override
    public Runnable checkpoint() {
        Map<TerritoryCode, Long> before = new HashMap<>(revisions);
        return () -> {
            revisions.clear();
            revisions.putAll(before);
        };
    }

    @Override
    public synchronized void advance(Set<TerritoryCode> regions) {
        transactions.requireOpen();
        regions.forEach(region -> revisions.merge(region, 1L, Long::sum));
    }

    @Override
    public synchronized long of(TerritoryCode region) {
        return revisions.getOrDefault(region, 0L);
    }

    @Override
    public synchronized Map<TerritoryCode, Long> all() {
        return Map.copyOf(revisions);
    }
}
