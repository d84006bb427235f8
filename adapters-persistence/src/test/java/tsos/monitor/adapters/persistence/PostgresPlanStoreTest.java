package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.PlanStoreContract;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

class PostgresPlanStoreTest extends PlanStoreContract {

    @Override
    protected PlanStore plans() {
        return PostgresAdapters.bean(PlanStore.class);
    }

    @Override
    protected TerritoryDirectory directory() {
        return PostgresAdapters.bean(TerritoryDirectory.class);
    }

    @Override
    protected Transactions transactions() {
        return PostgresAdapters.bean(Transactions.class);
    }
}
