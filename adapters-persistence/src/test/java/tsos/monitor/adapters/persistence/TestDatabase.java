package tsos.monitor.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real PostgreSQL for all the tests of a JVM: the server TSOS_TEST_DATABASE_URL names, else an embedded one
 * in a fresh directory, started once and stopped when the JVM ends. Tests keep out of each other's way by the
 * regions, months and idempotency keys they use, not by a database each.
 */
public final class TestDatabase {

    private static String url;
    private static String user = "postgres";
    private static String password = "";

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("TSOS_TEST_DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured;
                user = System.getenv().getOrDefault("TSOS_TEST_DATABASE_USER", user);
                password = System.getenv().getOrDefault("TSOS_TEST_DATABASE_PASSWORD", password);
            } else {
                EmbeddedDatabase database = EmbeddedDatabase.start(freshDirectory(), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-stop"));
                url = database.jdbcUrl();
                user = database.user();
                password = database.password();
            }
        }
        return url;
    }

    public static String user() {
        url();
        return user;
    }

    public static String password() {
        url();
        return password;
    }

    /** Micronaut properties pointing the default datasource at this database. */
    public static Map<String, Object> datasourceProperties() {
        return datasourceProperties(url(), user(), password());
    }

    /** Micronaut properties pointing the default datasource at another database: a test's own, to stop. */
    public static Map<String, Object> datasourceProperties(String url, String user, String password) {
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password,
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                "flyway.datasources.default.enabled", true);
    }

    private static Path freshDirectory() {
        try {
            return Files.createTempDirectory("tsos-test-postgres").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
