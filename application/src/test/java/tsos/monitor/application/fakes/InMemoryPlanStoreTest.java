package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.PlanStoreContract;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Region;

class InMemoryPlanStoreTest extends PlanStoreContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPlanStore plans = new InMemoryPlanStore(transactions);
    private final InMemoryTerritoryDirectory directory = new InMemoryTerritoryDirectory(
            new Region(ROSTOV, "Ростовская область"));

    @Override
    protected PlanStore plans() {
        return plans;
    }

    @Override
    protected TerritoryDirectory directory() {
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
