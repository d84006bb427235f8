package tsos.monitor.adapters.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Runs one statement on the connection of the current transaction, or on a connection of its own when there
 * is none; an unreachable database surfaces as the port's {@code StoreUnavailable}, any other failure as Micronaut
 * Data's {@link DataAccessException}, never as a bare SQLException.
 */
@Singleton
final class Sql {

    @FunctionalInterface
    interface StatementWork<R> {
        R apply(PreparedStatement statement) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;

    Sql(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @FunctionalInterface
    interface ConnectionWork<R> {
        R apply(Connection connection) throws SQLException, IOException;
    }

    /** Work on the transaction's connection itself, for what a statement cannot do (COPY). */
    <R> R withConnection(ConnectionWork<R> work) {
        try {
            return connections.executeWrite(status -> {
                try {
                    return work.apply(status.getConnection());
                } catch (SQLException | IOException e) {
                    throw new DataAccessException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            throw Unavailability.translated(e);
        }
    }

    <R> R prepareStatement(String sql, StatementWork<R> work) {
        try {
            return connections.executeWrite(status -> {
                try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                    return work.apply(statement);
                } catch (SQLException e) {
                    throw new DataAccessException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            throw Unavailability.translated(e);
        }
    }
}
