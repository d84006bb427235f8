package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.adapters.persistence.TestDatabase;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthlyPlanEntry;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;
import tsos.monitor.cli.BearerToken;
import tsos.monitor.domain.sender.Sender;

/**
 * Who may write what, and many senders at once: a region's token cannot write another region, a revoked token
 * writes nothing, and concurrent senders retrying the same batches store every row exactly once.
 * Stavropol (26) and Orel (57) are this class's regions.
 */
class SenderTrustTest {

    @TempDir
    static Path data;

    private static ServiceRuntime service;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        service = SharedDatabase.service(data);
        channel = service.channel();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        service.close();
    }

    @Test
    void a_token_for_one_region_writing_another_is_denied_and_stores_nothing() throws SQLException {
        Channel krasnoyarsk = BearerToken.attach(channel, Tokens.forRegions(service, "ИС Красноярского края", "24"));
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> ReportIngestionGrpc
                .newBlockingStub(krasnoyarsk).submitReports(batch("stavropol-by-krasnoyarsk", "26", "2023-03", 1)));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals(0, valuesOfBatchesLike("stavropol-by-krasnoyarsk"));
        assertEquals(IndicatorState.NO_DATA, IndicatorStatusesGrpc.newBlockingStub(channel).getStatus(
                GetStatusRequest.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("26"))
                        .setIndicator("2.1").setMonth("2023-03").build()).getState());
    }

    @Test
    void a_dry_run_outside_the_senders_regions_is_denied_as_the_real_submission_would_be() {
        Channel krasnoyarsk = BearerToken.attach(channel, Tokens.forRegions(service, "ИС Красноярья", "24"));
        SubmitReportsRequest dryRun = batch("stavropol-dry-run", "26", "2023-03", 1).toBuilder().setDryRun(true)
                .build();
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class,
                () -> ReportIngestionGrpc.newBlockingStub(krasnoyarsk).submitReports(dryRun));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
    }

    @Test
    void a_revoked_token_is_unauthenticated_and_a_missing_one_too() {
        var issued = Tokens.issued(service, Sender.forRegions("ИС Ставропольского края", java.util.Set.of("26")));
        Channel stavropol = BearerToken.attach(channel, issued.text());
        ReportIngestionGrpc.newBlockingStub(stavropol).submitReports(batch("stavropol-before-revoking", "26",
                "2023-04", 1));
        service.context().getBean(tsos.monitor.application.SenderAuthentication.class).revoke(issued.token().id());
        StatusRuntimeException revoked = assertThrows(StatusRuntimeException.class, () -> ReportIngestionGrpc
                .newBlockingStub(stavropol).submitReports(batch("stavropol-after-revoking", "26", "2023-05", 1)));
        assertEquals(Status.Code.UNAUTHENTICATED, revoked.getStatus().getCode());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> ReportIngestionGrpc
                .newBlockingStub(channel).submitReports(batch("stavropol-anonymous", "26", "2023-05", 1)));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
    }

    @Test
    void plans_need_an_administrators_token() {
        Channel stavropol = BearerToken.attach(channel, Tokens.forRegions(service, "ИС Ставрополья", "26"));
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> PlanningGrpc
                .newBlockingStub(stavropol).setMonthlyPlans(SetMonthlyPlansRequest.newBuilder().addPlans(
                        MonthlyPlanEntry.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("26"))
                                .setIndicator("2.1").setYear(2023)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
    }

    @Test
    void concurrent_senders_retrying_the_same_batches_store_every_row_exactly_once() throws Exception {
        int threads = 8;
        int batchesPerThread = 6;
        int rowsPerBatch = 500;
        Channel orel = BearerToken.attach(channel, Tokens.forRegions(service, "ИС Орловской области", "57"));
        List<SubmitReportsRequest> batches = new ArrayList<>();
        for (int b = 0; b < threads * batchesPerThread; b++) {
            batches.add(batch("orel-concurrent-" + b, "57", "", rowsPerBatch, b * rowsPerBatch));
        }
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> replays = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            replays.add(senders.submit(() -> {
                int replayed = 0;
                var stub = ReportIngestionGrpc.newBlockingStub(orel);
                // Each thread sends its own batches and, overlapping, the next thread's: every batch twice at once.
                for (int i = 0; i < batchesPerThread; i++) {
                    for (int owner : new int[] {thread, (thread + 1) % threads}) {
                        replayed += stub.submitReports(batches.get(owner * batchesPerThread + i)).getReplayed() ? 1 : 0;
                    }
                }
                return replayed;
            }));
        }
        int replayed = 0;
        for (Future<Integer> replay : replays) {
            replayed += replay.get();
        }
        senders.shutdown();
        assertEquals(threads * batchesPerThread, replayed, "each batch was stored once and replayed once");
        assertEquals(threads * batchesPerThread * rowsPerBatch * 2L, valuesOfBatchesLike("orel-concurrent-%"));
        assertEquals(threads * batchesPerThread, count("select count(*) from report_batch "
                + "where idempotency_key like 'orel-concurrent-%'"));
    }

    /** One report per day from 2010-01-01 on, each with two counts, so that every row is its own period. */
    static SubmitReportsRequest batch(String key, String region, String period, int rows) {
        return batch(key, region, period, rows, 0);
    }

    static SubmitReportsRequest batch(String key, String region, String period, int rows, int firstDay) {
        SubmitReportsRequest.Builder batch = SubmitReportsRequest.newBuilder().setIdempotencyKey(key);
        for (int row = 0; row < rows; row++) {
            String day = java.time.LocalDate.of(2010, 1, 1).plusDays(firstDay + row).toString();
            batch.addReports(TerritoryReport.newBuilder()
                    .setTerritory(TerritoryRef.newBuilder().setRegion(region))
                    .setPeriod(period.isEmpty() ? day + "/" + day : period)
                    .putCounts("students_with_access", 100 + row)
                    .putCounts("students_total", 1000 + row));
        }
        return batch.build();
    }

    static long valuesOfBatchesLike(String keyPattern) throws SQLException {
        return count("select count(*) from reported_value v join report_batch b on b.id = v.batch_id "
                + "where b.idempotency_key like '" + keyPattern + "'");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password()); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
