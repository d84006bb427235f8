package tsos.monitor.adapters.persistence;

import tsos.monitor.application.contracts.SenderTokensContract;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.Transactions;

class PostgresSenderTokensTest extends SenderTokensContract {

    @Override
    protected SenderTokens tokens() {
        return PostgresAdapters.bean(SenderTokens.class);
    }

    @Override
    protected Transactions transactions() {
        return PostgresAdapters.bean(Transactions.class);
    }
}
