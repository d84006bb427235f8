package tsos.monitor.application;

import java.util.Set;
import java.util.function.Supplier;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * A write to some regions' data, in one transaction: their revisions advanced first, as a batch of reports does,
 * so that the writers of a region follow one another in one order and every replica reads the change.
 */
final class RegionWrite {

    private final Transactions transactions;
    private final RegionRevisions revisions;

    RegionWrite(Transactions transactions, RegionRevisions revisions) {
        this.transactions = transactions;
        this.revisions = revisions;
    }

    <T> T of(Set<TerritoryCode> regions, Supplier<T> write) {
        return transactions.inTransaction(() -> {
            revisions.advance(regions);
            return write.get();
        });
    }
}
