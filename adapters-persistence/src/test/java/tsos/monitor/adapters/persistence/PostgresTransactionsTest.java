package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.TransactionsContract;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.Transactions;

class PostgresTransactionsTest extends TransactionsContract {

    @Override
    protected Transactions transactions() {
        return PostgresAdapters.bean(Transactions.class);
    }

    @Override
    protected PlanStore plans() {
        return PostgresAdapters.bean(PlanStore.class);
    }

    @Override
    protected RegionRevisions revisions() {
        return PostgresAdapters.bean(RegionRevisions.class);
    }
}
