package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.TransactionsContract;

class PostgresTransactionsTest extends TransactionsContract {

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }
}
