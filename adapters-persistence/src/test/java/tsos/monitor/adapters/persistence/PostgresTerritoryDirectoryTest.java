package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.TerritoryDirectoryContract;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

class PostgresTerritoryDirectoryTest extends TerritoryDirectoryContract {

    @Override
    protected TerritoryDirectory directory() {
        return PostgresAdapters.bean(TerritoryDirectory.class);
    }

    @Override
    protected Transactions transactions() {
        return PostgresAdapters.bean(Transactions.class);
    }
}
