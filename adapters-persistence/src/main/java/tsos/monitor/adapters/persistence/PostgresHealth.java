package tsos.monitor.adapters.persistence;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import tsos.monitor.domain.port.StoreHealth;

/**
 * Asks the database on a connection of its own, with one-second timeouts: the pool would wait its 5 s connection
 * timeout on a database that is gone, and health must follow the database within about a second.
 */
@Singleton
final class PostgresHealth implements StoreHealth {

    private static final String TIMEOUT_SECONDS = "1";

    private final String url;
    private final Properties properties = new Properties();
    private Connection probe;

    PostgresHealth(@Value("${datasources.default.url}") String url,
                   @Value("${datasources.default.username:}") String user,
                   @Value("${datasources.default.password:}") String password) {
        this.url = url;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
        properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
        properties.setProperty("ApplicationName", "tsos-monitor health");
    }

    @Override
    public synchronized boolean reachable() {
        try {
            if (probe == null) {
                probe = DriverManager.getConnection(url, properties);
            }
            try (Statement statement = probe.createStatement()) {
                return statement.execute("select 1");
            }
        } catch (SQLException e) {
            close();
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
            probe = null;
        }
    }
}
