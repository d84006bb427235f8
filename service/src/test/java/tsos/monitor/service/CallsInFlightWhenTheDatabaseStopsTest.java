package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.cli.BearerToken;

/**
 * PostgreSQL stopped while several senders' batches are being stored: every call in flight answers OK or
 * UNAVAILABLE (retryable), never INTERNAL or UNKNOWN; once it is back, every batch answered OK is there once and
 * whole, and the retried ones land. This test has a PostgreSQL of its own, to stop.
 */
class CallsInFlightWhenTheDatabaseStopsTest {

    /** A region each, so that the streams' batches never touch the same rows (that is concurrent corrections). */
    private static final List<String> REGIONS = List.of("57", "58", "59", "61", "63", "64");
    private static final int ROWS = 1_000;

    @TempDir
    Path data;

    @Test
    void calls_in_flight_when_the_database_stops_answer_unavailable_and_lose_nothing() throws Exception {
        try (StoppableDatabase database = StoppableDatabase.start(data.resolve("postgres"));
             ServiceRuntime service = database.service(data)) {
            ManagedChannel managed = service.channel();
            Channel sender = BearerToken.attach(managed, Tokens.admin(service));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, SubmitReportsRequest> unanswered = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean stopped = new AtomicBoolean();
            ExecutorService senders = Executors.newFixedThreadPool(REGIONS.size());
            List<Future<?>> streams = new ArrayList<>();
            for (int s = 0; s < REGIONS.size(); s++) {
                int stream = s;
                streams.add(senders.submit(() -> {
                    var ingestion = ReportIngestionGrpc.newBlockingStub(sender);
                    // Each stream sends until it has had an answer from the stopped database.
                    for (int b = 0; ; b++) {
                        String key = "in-flight-" + stream + "-" + b;
                        SubmitReportsRequest batch = SenderTrustTest.batch(key, REGIONS.get(stream), "", ROWS);
                        try {
                            ingestion.submitReports(batch);
                            acknowledged.add(key);
                        } catch (StatusRuntimeException e) {
                            failures.add(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                            unanswered.put(key, batch);
                            if (stopped.get()) {
                                return null;
                            }
                        }
                    }
                }));
            }
            Thread.sleep(3_000);
            stopped.set(true);
            database.stop();
            for (Future<?> stream : streams) {
                stream.get();
            }
            database.startAgain();
            var ingestion = ReportIngestionGrpc.newBlockingStub(sender);
            for (SubmitReportsRequest batch : unanswered.values()) {
                retryUntilStored(ingestion, batch);
            }
            senders.shutdown();
            managed.shutdownNow();

            Map<String, Long> codes = new TreeMap<>();
            failures.forEach(f -> codes.merge(f.substring(0, f.indexOf(':')), 1L, Long::sum));
            System.out.printf("in flight: %d senders, %d batches of %d rows acknowledged before the stop, %d "
                    + "answered otherwise %s; first: %s%n", REGIONS.size(), acknowledged.size(), ROWS, failures.size(),
                    codes, failures.peek());
            assertTrue(!failures.isEmpty() && codes.keySet().equals(Set.of("UNAVAILABLE")),
                    "calls the stop interrupted answer UNAVAILABLE only: " + codes + " " + failures);
            try (Connection connection = database.connect();
                 ResultSet row = connection.createStatement().executeQuery("""
                         select count(distinct b.id), count(*) filter (where per_batch <> %d), count(*) - count(distinct
                           b.idempotency_key)
                         from (select batch_id, count(*) as per_batch from reported_value group by batch_id) v
                         join report_batch b on b.id = v.batch_id where b.idempotency_key like 'in-flight-%%'"""
                         .formatted(ROWS * 2))) {
                row.next();
                assertEquals(acknowledged.size() + unanswered.size(), row.getInt(1),
                        "every acknowledged and every retried batch stored");
                assertEquals(0, row.getInt(2), "no batch half-written");
                assertEquals(0, row.getInt(3), "no batch stored twice");
            }
        }
    }

    private static void retryUntilStored(ReportIngestionGrpc.ReportIngestionBlockingStub ingestion,
                                         SubmitReportsRequest batch) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                ingestion.submitReports(batch);
                return;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
