package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.TerritoryDirectoryContract;

class PostgresTerritoryDirectoryTest extends TerritoryDirectoryContract {

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }
}
