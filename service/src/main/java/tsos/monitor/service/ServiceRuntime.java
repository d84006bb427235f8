package tsos.monitor.service;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.adapters.persistence.EmbeddedDatabase;

/** The running service: its database (configured, or embedded in the data directory) and its servers. */
public final class ServiceRuntime implements AutoCloseable {

    /** How to run: where the embedded database keeps its data, and the ports (0 for any free one). */
    public record Settings(Path dataDirectory, int grpcPort, int metricsPort) {
    }

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
            Path data = settings.dataDirectory().resolve("postgres");
            EmbeddedDatabase started = EmbeddedDatabase.start(data, 0);
            embedded = Optional.of(started);
            database = new DatabaseSettings(started.jdbcUrl(), "postgres", "");
            description = "embedded PostgreSQL in " + data.toAbsolutePath() + " (started in "
                    + started.startTime().toMillis() + " ms)";
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.user());
        properties.put("datasources.default.password", database.password());
        properties.put("grpc.server.port", settings.grpcPort() == 0 ? freePort() : settings.grpcPort());
        properties.put("tsos.metrics.port", settings.metricsPort() == 0 ? freePort() : settings.metricsPort());
        try {
            ApplicationContext context = ApplicationContext.builder().properties(properties).start();
            try {
                context.getBean(EmbeddedServer.class).start();
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

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port on this machine", e);
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public int grpcPort() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    public int metricsPort() {
        return context.getRequiredProperty("tsos.metrics.port", Integer.class);
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

    public Optional<Duration> embeddedDatabaseStartTime() {
        return embedded.map(EmbeddedDatabase::startTime);
    }

    /** A plaintext channel to this service's own gRPC port. */
    public ManagedChannel channel() {
        return ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().build();
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
