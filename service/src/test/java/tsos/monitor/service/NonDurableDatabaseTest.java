package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that acknowledges commits before they are on disk could lose answered batches: the service refuses it. */
class NonDurableDatabaseTest {

    @TempDir
    Path data;

    @Test
    void a_server_with_fsync_and_synchronous_commit_off_is_refused_naming_both() throws Exception {
        // zonky's own defaults: -F (fsync off) and synchronous_commit=off
        try (EmbeddedPostgres careless = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(data.resolve("careless")).setServerConfig("unix_socket_directories", "").start()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ServiceRuntime.start(
                    new ServiceRuntime.Settings(data, 0, 0),
                    Optional.of(new DatabaseSettings(careless.getJdbcUrl("postgres", "postgres"), "postgres", ""))));
            assertTrue(refused.getMessage().contains("fsync is off")
                    && refused.getMessage().contains("synchronous_commit is off"), refused.getMessage());
            System.out.println("refused: " + refused.getMessage());
        }
    }
}
