package tsos.monitor.service;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tsos.monitor.adapters.persistence.DurableCommits;
import tsos.monitor.adapters.persistence.EmbeddedDatabase;
import tsos.monitor.application.SenderAuthentication;

/** The running service: its database (configured, or embedded in the data directory) and its servers. */
public final class ServiceRuntime implements AutoCloseable {

    /**
     * How to run: where the data lives (the embedded database, the first administrator's token), the ports (0 for
     * any free one), a certificate chain and private key (PEM files) for TLS on the gRPC port, and the address both
     * ports listen on (the loopback unless opened deliberately, e.g. 0.0.0.0 for every interface).
     */
    public record Settings(Path dataDirectory, int grpcPort, int metricsPort, Optional<Path> tlsCertificateChain,
                           Optional<Path> tlsPrivateKey, String bindAddress) {

        public static final String LOOPBACK = "127.0.0.1";

        public Settings(Path dataDirectory, int grpcPort, int metricsPort) {
            this(dataDirectory, grpcPort, metricsPort, Optional.empty(), Optional.empty(), LOOPBACK);
        }

        public Settings withBindAddress(String address) {
            return new Settings(dataDirectory, grpcPort, metricsPort, tlsCertificateChain, tlsPrivateKey, address);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    private final ApplicationContext context;
    private final Optional<EmbeddedDatabase> embedded;
    private final DatabaseSettings database;
    private final String databaseDescription;

    private ServiceRuntime(ApplicationContext context, Optional<EmbeddedDatabase> embedded, DatabaseSettings database,
                           String databaseDescription) {
        this.context = context;
        this.embedded = embedded;
        this.database = database;
        this.databaseDescription = databaseDescription;
    }

    public static ServiceRuntime start(Settings settings) {
        return start(settings, DatabaseSettings.configured(System.getenv()));
    }

    static ServiceRuntime start(Settings settings, Optional<DatabaseSettings> configured) {
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        DatabaseSettings database;
        String description;
        if (configured.isPresent()) {
            database = configured.get();
            description = "PostgreSQL at " + database.jdbcUrl();
        } else {
            ownerOnly(settings.dataDirectory());
            ClassWarmUp.start();
            Path data = settings.dataDirectory().resolve("postgres");
            EmbeddedDatabase started = EmbeddedDatabase.start(data, 0);
            embedded = Optional.of(started);
            database = new DatabaseSettings(started.jdbcUrl(), started.user(), started.password());
            description = "embedded PostgreSQL in " + data.toAbsolutePath() + " (started in "
                    + started.startTime().toMillis() + " ms)";
        }
        try {
            refuseNonDurableCommits(database);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", database.password());
        properties.put("grpc.server.host", settings.bindAddress());
        properties.put("grpc.server.port", settings.grpcPort() == 0 ? freePort() : settings.grpcPort());
        properties.put("micronaut.server.host", settings.bindAddress());
        properties.put("micronaut.server.port", settings.metricsPort() == 0 ? freePort() : settings.metricsPort());
        // micronaut-grpc reads these through its resource resolver: without "file:" a path would be looked for
        // on the classpath, and a missing file would quietly leave the port in plaintext.
        settings.tlsCertificateChain().ifPresent(chain -> properties.put("grpc.server.ssl.cert-chain",
                "file:" + readable(chain, "TLS certificate chain")));
        settings.tlsPrivateKey().ifPresent(key -> properties.put("grpc.server.ssl.private-key",
                "file:" + readable(key, "TLS private key")));
        try {
            ApplicationContext context = ApplicationContext.builder().properties(properties).start();
            try {
                // The HTTP server (/metrics); its start event starts the gRPC server (micronaut-grpc's listener).
                context.getBean(EmbeddedServer.class).start();
                writeFirstAdminToken(context, adminTokenFile(settings));
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
            return new ServiceRuntime(context, embedded, database, description);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /**
     * A batch answered OK must survive a crash: a server that acknowledges commits before they are on disk is
     * refused, whether configured or embedded (README, "A configured PostgreSQL must have").
     */
    private static void refuseNonDurableCommits(DatabaseSettings database) {
        Optional<String> problem;
        try {
            problem = DurableCommits.problem(database.jdbcUrl(), database.user(), database.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database at " + database.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
        problem.ifPresent(settings -> {
            throw new IllegalStateException("the database at " + database.jdbcUrl() + " would acknowledge commits "
                    + "that a crash can lose: " + settings);
        });
    }

    /** The data directory holds the database's passwords and the administrator's token: its owner's only. */
    private static void ownerOnly(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + dataDirectory + " its owner's only", e);
        }
    }

    private static Path readable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the " + what + " " + file + " cannot be read");
        }
        return file.toAbsolutePath();
    }

    /** Where the first start leaves the first administrator's token, readable by its owner only. */
    public static Path adminTokenFile(Settings settings) {
        return settings.dataDirectory().resolve("admin-token");
    }

    private static void writeFirstAdminToken(ApplicationContext context, Path file) {
        context.getBean(SenderAuthentication.class).issueFirstAdminToken().ifPresent(issued -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, issued.text() + System.lineSeparator());
                LOG.info("first start: the administrator's token is in {} (readable by its owner only)",
                        file.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the administrator's token to " + file, e);
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine", e);
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public int grpcPort() {
        return grpcAddress().getPort();
    }

    /** The address and port the gRPC server is bound to, as its socket says. */
    public InetSocketAddress grpcAddress() {
        return (InetSocketAddress) context.getBean(GrpcEmbeddedServer.class).getServer().getListenSockets().get(0);
    }

    public int metricsPort() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    /** The address and port /metrics is served on. */
    public InetSocketAddress metricsAddress() {
        return new InetSocketAddress(context.getRequiredProperty("micronaut.server.host", String.class),
                metricsPort());
    }

    /** The JDBC URL of the database in use, for tools that measure it beside the service (the benchmark). */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String databaseUser() {
        return database.user();
    }

    public String databasePassword() {
        return database.password();
    }

    public String databaseDescription() {
        return databaseDescription;
    }

    /**
     * With the embedded database: how Grafana reaches the year's reporting tables (the read-only role, the URL,
     * the file its password is in). A configured server's administrator makes that role (README).
     */
    public Optional<String> reportingReader() {
        return embedded.map(db -> "role " + db.readerUser() + " at " + db.jdbcUrl() + ", its password in "
                + db.readerPasswordFile());
    }

    public Optional<Duration> embeddedDatabaseStartTime() {
        return embedded.map(EmbeddedDatabase::startTime);
    }

    /**
     * Forces a checkpoint, for tools that time writes beside the service (the benchmark): the embedded database's
     * superuser makes it, so that the tool needs no password of its own; a configured database is asked through
     * the service's role, which may lack the right (then this throws).
     */
    public void checkpoint() throws SQLException, IOException {
        if (embedded.isPresent()) {
            embedded.get().checkpoint();
            return;
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
    }

    /** A channel to this service's own gRPC port: TLS trusting its own certificate when TLS is on. */
    public ManagedChannel channel() {
        Optional<String> chain = context.getProperty("grpc.server.ssl.cert-chain", String.class)
                .map(url -> url.substring("file:".length()));
        InetSocketAddress bound = grpcAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? Settings.LOOPBACK
                : bound.getAddress().getHostAddress();
        if (chain.isEmpty()) {
            return ManagedChannelBuilder.forAddress(host, bound.getPort()).usePlaintext().build();
        }
        try {
            return NettyChannelBuilder.forAddress(host, bound.getPort()).overrideAuthority("localhost")
                    .sslContext(GrpcSslContexts.forClient().trustManager(new java.io.File(chain.get())).build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate chain " + chain.get(), e);
        }
    }

    @Override
    public void close() {
        try {
            context.getBean(EmbeddedServer.class).stop();
            context.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}
