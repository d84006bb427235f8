package tsos.monitor.adapters.persistence;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.domain.port.StoreContention;
import tsos.monitor.domain.port.Transactions;

/**
 * A transaction PostgreSQL aborted for contention (SQLSTATE 40001, a serialization failure; 40P01, a deadlock) kept
 * nothing, so its work is run again, a few times; after that the caller is told so ({@link StoreContention}). The
 * writers lock in one order (RegionRevisions.advance), so this is a safety net, not the way writers take turns.
 */
@Singleton
final class JdbcTransactions implements Transactions {

    private static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (RuntimeException e) {
                String contention = contentionState(e);
                if (contention == null) {
                    throw Unavailability.translated(e);
                }
                if (attempt == ATTEMPTS) {
                    throw new StoreContention("concurrent writers held what this one needed (SQLSTATE " + contention
                            + ") " + ATTEMPTS + " times; nothing was stored", e);
                }
                LOG.info("transaction aborted for contention (SQLSTATE {}), attempt {} of {}: running it again",
                        contention, attempt, ATTEMPTS);
            }
        }
    }

    /** 40001 or 40P01 when a cause of the failure is one of them, else null. */
    private static String contentionState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()))) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
