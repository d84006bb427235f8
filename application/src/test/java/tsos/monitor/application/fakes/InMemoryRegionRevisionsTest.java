package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.RegionRevisionsContract;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.Transactions;

class InMemoryRegionRevisionsTest extends RegionRevisionsContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryRegionRevisions revisions = new InMemoryRegionRevisions(transactions);

    @Override
    protected RegionRevisions revisions() {
        return revisions;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
