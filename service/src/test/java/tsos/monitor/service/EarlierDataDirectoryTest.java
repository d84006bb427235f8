package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.cli.BearerToken;

/**
 * A data directory made before passwords (zonky's defaults: trust for every local connection, the tables the
 * superuser's in the database postgres): the first start gives it passwords without trusting anyone again, hands
 * the tables to the service's own role and database, and keeps every batch.
 */
class EarlierDataDirectoryTest {

    @TempDir
    Path data;

    @Test
    void a_directory_from_before_passwords_gets_them_on_its_first_start_and_keeps_its_batches() throws Exception {
        Path postgres = data.resolve("postgres");
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(postgres)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(data.resolve("postgres-binaries").toFile())
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
             ServiceRuntime service = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0),
                     Optional.of(new DatabaseSettings(earlier.getJdbcUrl("postgres", "postgres"), "postgres", "")))) {
            ManagedChannel channel = service.channel();
            ReportIngestionGrpc.newBlockingStub(BearerToken.attach(channel, Tokens.admin(service)))
                    .submitReports(SenderTrustTest.batch("earlier-1", "57", "", 10));
            channel.shutdownNow();
        }

        ServeProcess serve = ServeProcess.start(data);
        try {
            serve.awaitServing(120);
            String url = "jdbc:postgresql://127.0.0.1:" + Files.readAllLines(postgres.resolve("postmaster.pid")).get(3)
                    .strip() + "/";
            assertTrue(Files.readAllLines(postgres.resolve("pg_hba.conf")).stream()
                    .filter(line -> !line.startsWith("#")).noneMatch(line -> line.contains("trust")), "no trust left");
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url + "postgres", "postgres", "").close());
            assertTrue(refused.getMessage().contains("password"), refused.getMessage());
            try (Connection tsos = DriverManager.getConnection(url + "tsos", "tsos",
                    Files.readString(postgres.resolve("service.password")).strip())) {
                assertEquals(List.of("1", "0", "false"), List.of(
                        single(tsos, "select count(*) from report_batch where idempotency_key = 'earlier-1'"),
                        single(tsos, "select count(*) from pg_tables where schemaname = 'public' "
                                + "and tableowner <> 'tsos'"),
                        single(tsos, "select rolsuper::text from pg_roles where rolname = current_user")),
                        "the batch kept; every table the service role's; the service role not a superuser");
            }
        } finally {
            serve.stop();
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
