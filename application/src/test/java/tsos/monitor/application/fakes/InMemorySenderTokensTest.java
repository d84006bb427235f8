package tsos.monitor.application.fakes;

import tsos.monitor.application.contracts.SenderTokensContract;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.Transactions;

class InMemorySenderTokensTest extends SenderTokensContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemorySenderTokens tokens = new InMemorySenderTokens(transactions);

    @Override
    protected SenderTokens tokens() {
        return tokens;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
