package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.SenderTokensContract;

class PostgresSenderTokensTest extends SenderTokensContract {

    @Override
    protected <T> T port(Class<T> type) {
        return PostgresAdapters.bean(type);
    }
}
