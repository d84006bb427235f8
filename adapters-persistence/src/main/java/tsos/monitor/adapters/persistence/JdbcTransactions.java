package tsos.monitor.adapters.persistence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;
import tsos.monitor.domain.port.Transactions;

@Singleton
final class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            throw Unavailability.translated(e);
        }
    }
}
