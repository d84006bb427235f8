package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.TransactionsContract;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.Transactions;

class InMemoryTransactionsTest extends TransactionsContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    private final InMemoryRegionRevisions revisions = new InMemoryRegionRevisions(transactions);

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected PlanStore plans() {
        return plans;
    }

    @Override
    protected RegionRevisions revisions() {
        return revisions;
    }
}
