package tsos.monitor.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import tsos.monitor.adapters.persistence.EmbeddedDatabase;

/**
 * A PostgreSQL of a test's own, which the test stops under the service and starts again, on the same port and
 * files: the tests of outages cannot stop the database the other tests share.
 */
final class StoppableDatabase implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedDatabase running;

    private StoppableDatabase(Path directory, int port) {
        this.directory = directory;
        this.port = port;
        this.running = EmbeddedDatabase.start(directory, port);
    }

    static StoppableDatabase start(Path directory) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new StoppableDatabase(directory, port);
    }

    /** A service over this database, its own files in {@code data}. */
    ServiceRuntime service(Path data) {
        return ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0),
                Optional.of(new DatabaseSettings(running.jdbcUrl(), running.user(), running.password())));
    }

    void stop() {
        running.close();
    }

    void startAgain() {
        running = EmbeddedDatabase.start(directory, port);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(running.jdbcUrl(), running.user(), running.password());
    }

    @Override
    public void close() {
        running.close();
    }
}
