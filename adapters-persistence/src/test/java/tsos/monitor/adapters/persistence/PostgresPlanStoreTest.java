package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.PlanStoreContract;

class PostgresPlanStoreTest extends PlanStoreContract {

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }
}
