package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.TerritoryDirectoryContract;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Region;

class InMemoryTerritoryDirectoryTest extends TerritoryDirectoryContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryTerritoryDirectory directory = new InMemoryTerritoryDirectory(
            new Region(PSKOV, "Псковская область"));

    @Override
    protected TerritoryDirectory directory() {
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
