package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.cli.BearerToken;

/**
 * PostgreSQL stopped in the middle of a load and started again: writes answer UNAVAILABLE meanwhile, health says
 * NOT_SERVING, no batch is half-written, and the sender's retries (same idempotency keys) all land once the
 * database is back — without restarting the service. This test has a PostgreSQL of its own, to stop.
 */
class DatabaseOutageTest {

    private static final int BATCHES = 40;
    private static final int ROWS = 200;

    @TempDir
    Path data;

    @Test
    void a_load_through_a_database_outage_loses_nothing_and_half_writes_nothing() throws Exception {
        try (StoppableDatabase database = StoppableDatabase.start(data.resolve("postgres"));
             ServiceRuntime service = database.service(data)) {
            ManagedChannel managed = service.channel();
            Channel sender = BearerToken.attach(managed, Tokens.admin(service));
            var ingestion = ReportIngestionGrpc.newBlockingStub(sender);
            List<String> unavailable = new ArrayList<>();
            double notServingAfter = 0;
            for (int b = 0; b < BATCHES; b++) {
                SubmitReportsRequest batch = SenderTrustTest.batch("outage-" + b, "57", "", ROWS, b * ROWS);
                if (b == BATCHES / 2) {
                    database.stop();
                    notServingAfter = awaitHealth(managed, ServingStatus.NOT_SERVING); // fails if it never says so
                    try {
                        ingestion.submitReports(batch);
                    } catch (StatusRuntimeException e) {
                        unavailable.add(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                    }
                    database.startAgain();
                }
                retryUntilStored(ingestion, batch, unavailable);
            }
            awaitHealth(managed, ServingStatus.SERVING);
            managed.shutdownNow();

            assertTrue(!unavailable.isEmpty() && unavailable.stream().allMatch(u -> u.startsWith("UNAVAILABLE")),
                    "writes during the outage answer UNAVAILABLE: " + unavailable);
            try (Connection connection = database.connect();
                 ResultSet row = connection.createStatement().executeQuery("""
                         select count(*), count(distinct b.id), min(per_batch), max(per_batch) from (
                           select batch_id, count(*) as per_batch from reported_value group by batch_id) v
                         join report_batch b on b.id = v.batch_id where b.idempotency_key like 'outage-%'""")) {
                row.next();
                assertEquals(BATCHES, row.getInt(2), "every batch stored once");
                assertEquals(ROWS * 2, row.getInt(3), "no batch half-written");
                assertEquals(ROWS * 2, row.getInt(4), "no batch written twice");
            }
            System.out.printf("outage: %d batches of %d rows, %d calls answered while the database was down: %s; "
                    + "health NOT_SERVING %.2f s after the database stopped%n",
                    BATCHES, ROWS, unavailable.size(), unavailable.get(0), notServingAfter);
        }
    }

    private static void retryUntilStored(ReportIngestionGrpc.ReportIngestionBlockingStub ingestion,
                                         SubmitReportsRequest batch, List<String> unavailable)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                ingestion.submitReports(batch);
                return;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                unavailable.add(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                Thread.sleep(250);
            }
        }
    }

    /** Seconds until health says {@code expected}. */
    private static double awaitHealth(ManagedChannel channel, ServingStatus expected) throws InterruptedException {
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ServingStatus status = null;
        while (Instant.now().isBefore(deadline)) {
            status = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus();
            if (status == expected) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("health stayed " + status + ", expected " + expected);
    }
}
