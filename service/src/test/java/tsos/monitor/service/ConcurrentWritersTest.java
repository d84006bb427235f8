package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tsos.monitor.adapters.persistence.TestDatabase;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.HistoryRequest;
import tsos.monitor.api.v1.IndicatorHistory;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MunicipalityRegistration;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.ReportedValue;
import tsos.monitor.api.v1.SchoolRegistration;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;

/**
 * Writers at once: corrections of the same month win whole, in the order they commit, for every reader; writers
 * overlapping in municipalities never fail each other; and no period a sender sends makes a month unreadable.
 * Sverdlovsk (66), Moscow (77), St Petersburg (78) and Moscow Oblast (50) are this class's regions. The suite runs
 * a short version; the script {@code ./concurrent-writers} runs it longer (the {@code tsos.writers.*} properties).
 */
class ConcurrentWritersTest {

    @RegisterExtension
    static final RunningService running = new RunningService();

    private static final int SCHOOLS = Integer.getInteger("tsos.writers.schools", 1_000);
    private static final int TRIALS = Integer.getInteger("tsos.writers.trials", 20);
    private static final int BATCHES_PER_SENDER = Integer.getInteger("tsos.writers.batches", 6);
    private static final int MUNICIPALITIES = 6;
    private static final int SCHOOLS_PER_MUNICIPALITY = 10;

    @BeforeAll
    static void start() {
        RegisterTerritoriesRequest.Builder territories = RegisterTerritoriesRequest.newBuilder()
                .addMunicipalities(MunicipalityRegistration.newBuilder().setRegion("66").setCode("ekb")
                        .setName("Екатеринбург"));
        for (int school = 0; school < SCHOOLS; school++) {
            territories.addSchools(SchoolRegistration.newBuilder().setRegion("66").setMunicipality("ekb")
                    .setCode(school(school)).setName("Школа № " + school));
        }
        for (String region : List.of("77", "78")) {
            for (int m = 0; m < MUNICIPALITIES; m++) {
                territories.addMunicipalities(MunicipalityRegistration.newBuilder().setRegion(region)
                        .setCode("m" + m).setName("Район " + m));
                for (int school = 0; school < SCHOOLS_PER_MUNICIPALITY; school++) {
                    territories.addSchools(SchoolRegistration.newBuilder().setRegion(region).setMunicipality("m" + m)
                            .setCode(school(school)).setName("Школа № " + school));
                }
            }
        }
        PlanningGrpc.newBlockingStub(running.admin()).registerTerritories(territories.build());
    }

    @Test
    void two_corrections_of_the_same_month_sent_at_once_never_mix_and_the_later_committed_one_wins() throws Exception {
        Channel sverdlovsk = running.sender("ИС Свердловской области", "66");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Winner> winners = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            String month = java.time.YearMonth.of(2011, 1).plusMonths(trial).toString();
            SubmitReportsRequest[] batches = {correction("ekb-" + month + "-a", month, 1, 10),
                    correction("ekb-" + month + "-b", month, 3, 10)};
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<SubmitReportsResponse>> sent = new ArrayList<>();
            for (SubmitReportsRequest batch : batches) {
                sent.add(senders.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return ReportIngestionGrpc.newBlockingStub(sverdlovsk).submitReports(batch);
                }));
            }
            SubmitReportsResponse a = sent.get(0).get();
            SubmitReportsResponse b = sent.get(1).get();
            // The later batch waited for the earlier one to commit: it, and only it, found every value superseded.
            int values = SCHOOLS * 2;
            assertEquals(List.of(0, values), List.of(Math.min(a.getValuesSuperseded(), b.getValuesSuperseded()),
                    Math.max(a.getValuesSuperseded(), b.getValuesSuperseded())), month);
            boolean bLater = b.getValuesSuperseded() == values;
            SubmitReportsResponse later = bLater ? b : a;
            SubmitReportsResponse earlier = bLater ? a : b;
            assertTrue(Long.parseLong(later.getBatchId()) > Long.parseLong(earlier.getBatchId()), month);
            IndicatorStatus status = IndicatorStatusesGrpc.newBlockingStub(running.channel()).getStatus(GetStatusRequest
                    .newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("66")).setIndicator("2.1")
                    .setMonth(month).build());
            long accessPerSchool = bLater ? 3 : 1;
            assertEquals(List.of(SCHOOLS * accessPerSchool, SCHOOLS * 10L),
                    List.of(status.getNumerator(), status.getDenominator()), month + ": one batch's figures, whole");
            winners.add(new Winner(month, later.getBatchId(), earlier.getBatchId(), accessPerSchool));
        }
        senders.shutdown();
        assertEquals(0, count("select count(*) from (select b.id from report_batch b "
                + "left join reported_value v on v.batch_id = b.id where b.idempotency_key like 'ekb-%' "
                + "group by b.id having count(v.id) <> " + SCHOOLS * 2 + ") wrong"), "every batch's values, once");
        assertEquals(TRIALS * 2, count("select count(*) from report_batch where idempotency_key like 'ekb-%'"));
        System.out.printf("corrections at once: %d trials of 2 batches of %d schools, 0 mixed, the later-committed "
                + "won %d, its values_superseded %d each%n", TRIALS, SCHOOLS, winners.size(), SCHOOLS * 2);
        // A school's history agrees: the later batch's value stands, the earlier one's is superseded and arrived first.
        IndicatorHistory history = IndicatorStatusesGrpc.newBlockingStub(running.channel()).getHistory(HistoryRequest
                .newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("66").setMunicipality("ekb")
                        .setSchool(school(SCHOOLS - 1))).setIndicator("2.1").build());
        for (Winner winner : winners) {
            ReportedValue standing = access(history, winner.month(), winner.laterBatch());
            ReportedValue superseded = access(history, winner.month(), winner.earlierBatch());
            assertEquals(winner.accessPerSchool(), standing.getValue(), winner.month());
            assertFalse(standing.getSuperseded(), winner.month());
            assertTrue(superseded.getSuperseded(), winner.month());
            assertTrue(instant(superseded).isBefore(instant(standing)), winner.month());
        }
    }

    private record Winner(String month, String laterBatch, String earlierBatch, long accessPerSchool) {
    }

    private static java.time.Instant instant(ReportedValue value) {
        return java.time.Instant.ofEpochSecond(value.getReceivedAt().getSeconds(), value.getReceivedAt().getNanos());
    }

    private static ReportedValue access(IndicatorHistory history, String period, String batch) {
        return history.getValuesList().stream().filter(value -> value.getPeriod().equals(period)
                && value.getBatchId().equals(batch) && value.getMetric().equals("students_with_access"))
                .findFirst().orElseThrow(() -> new AssertionError("no value of batch " + batch + " for " + period));
    }

    @Test
    void sixteen_senders_overlapping_in_municipalities_never_fail_and_store_every_batch_once() throws Exception {
        int senders = 16;
        int batchesPerSender = BATCHES_PER_SENDER;
        Channel moscows = running.sender("ИС двух столиц", "77", "78");
        Map<Status.Code, Integer> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch ready = new CountDownLatch(senders);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                var stub = ReportIngestionGrpc.newBlockingStub(moscows);
                Random order = new Random(sender);
                ready.countDown();
                ready.await();
                for (int b = 0; b < batchesPerSender; b++) {
                    SubmitReportsRequest batch = overlapping("capitals-" + sender + "-" + b, order, sender);
                    // As a sender would: ABORTED is retryable; anything else but OK fails the test below.
                    for (int attempt = 0; attempt < 5; attempt++) {
                        try {
                            stub.submitReports(batch);
                            codes.merge(Status.Code.OK, 1, Integer::sum);
                            break;
                        } catch (StatusRuntimeException e) {
                            codes.merge(e.getStatus().getCode(), 1, Integer::sum);
                            if (e.getStatus().getCode() != Status.Code.ABORTED) {
                                break;
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get();
        }
        pool.shutdown();
        System.out.printf("%d senders overlapping, %d batches: status codes %s%n", senders,
                senders * batchesPerSender, codes);
        assertEquals(Map.of(Status.Code.OK, senders * batchesPerSender), Map.copyOf(codes));
        assertEquals(senders * batchesPerSender, count("select count(*) from report_batch "
                + "where idempotency_key like 'capitals-%'"));
        long values = 4L * SCHOOLS_PER_MUNICIPALITY * 2 * 2; // 4 municipalities of 2 regions, 2 counts each
        assertEquals(0, count("select count(*) from (select b.id from report_batch b "
                + "left join reported_value v on v.batch_id = b.id where b.idempotency_key like 'capitals-%' "
                + "group by b.id having count(v.id) <> " + values + ") wrong"), "every batch's values, once");
    }

    /**
     * Four municipalities of each capital, chosen and ordered at random, every school of them, all for March 2012:
     * the batches of different senders share the month's rows of municipalities in different orders.
     */
    private static SubmitReportsRequest overlapping(String key, Random random, int sender) {
        SubmitReportsRequest.Builder batch = SubmitReportsRequest.newBuilder().setIdempotencyKey(key);
        List<String> regions = new ArrayList<>(List.of("77", "78"));
        Collections.shuffle(regions, random);
        for (String region : regions) {
            List<Integer> municipalities = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            Collections.shuffle(municipalities, random);
            for (int m : municipalities.subList(0, 4)) {
                for (int school = 0; school < SCHOOLS_PER_MUNICIPALITY; school++) {
                    batch.addReports(TerritoryReport.newBuilder()
                            .setTerritory(TerritoryRef.newBuilder().setRegion(region).setMunicipality("m" + m)
                                    .setSchool(school(school)))
                            .setPeriod("2012-03-" + String.format("%02d", 1 + sender) + "/2012-03-31")
                            .putCounts("students_with_access", 1 + sender).putCounts("students_total", 20));
                }
            }
        }
        return batch.build();
    }

    @Test
    void a_week_ending_past_the_last_reporting_year_is_refused_naming_its_row() {
        Channel sverdlovsk = running.sender("ИС Свердловска", "66");
        SubmitReportsRequest lastWeek = SubmitReportsRequest.newBuilder().setIdempotencyKey("sverdlovsk-2100-W52")
                .addReports(TerritoryReport.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("66"))
                        .setPeriod("2100-W52").putCounts("students_with_access", 1).putCounts("students_total", 2))
                .build();

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> ReportIngestionGrpc.newBlockingStub(sverdlovsk).submitReports(lastWeek));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("reports[0].period"), badRequestFields(refused));
    }

    @Test
    void a_month_stored_outside_the_reporting_years_by_an_earlier_version_leaves_the_others_readable()
            throws SQLException {
        Channel moscowOblast = running.sender("ИС Подмосковья", "50");
        ReportIngestionGrpc.newBlockingStub(moscowOblast).submitReports(SubmitReportsRequest.newBuilder()
                .setIdempotencyKey("podmoskovye-2012-05").addReports(TerritoryReport.newBuilder()
                        .setTerritory(TerritoryRef.newBuilder().setRegion("50")).setPeriod("2012-05")
                        .putCounts("students_with_access", 7).putCounts("students_total", 10)).build());
        // What an earlier version stored for 2100-W52, which it accepted: the week counts for January 2101.
        execute("insert into report_batch (idempotency_key, fingerprint, sender, report_count, values_stored, "
                + "values_superseded) values ('podmoskovye-2100-W52', repeat('0', 64), 'old', 1, 1, 0)");
        execute("insert into reported_value (batch_id, region, territory_id, period, period_start, period_end, "
                + "plan_month, metric, value, received_at) select b.id, '50', t.id, '2100-W52', '2100-12-27', "
                + "'2101-01-02', '2101-01-01', 'students_with_access', 1, now() from report_batch b, territory t "
                + "where b.idempotency_key = 'podmoskovye-2100-W52' and t.region = '50' and t.municipality = '' "
                + "and t.school = ''");
        execute("insert into data_month values ('50', '', 'students_with_access', '2101-01-01', '2101-01-02', now(), "
                + "now())");
        execute("update region_revision set revision = revision + 1 where region = '50'");

        IndicatorHistory history = IndicatorStatusesGrpc.newBlockingStub(running.channel()).getHistory(HistoryRequest
                .newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("50")).setIndicator("2.1").build());

        assertEquals(List.of("2012-05"), history.getMonthsList().stream().map(IndicatorStatus::getMonth).toList());
        assertEquals(7, history.getMonths(0).getNumerator());
        assertEquals(List.of("2012-05", "2012-05"), history.getValuesList().stream().map(ReportedValue::getPeriod)
                .toList());
    }

    /** Every school of Yekaterinburg reporting the month: {@code access} of {@code total} students each. */
    private static SubmitReportsRequest correction(String key, String month, long access, long total) {
        SubmitReportsRequest.Builder batch = SubmitReportsRequest.newBuilder().setIdempotencyKey(key);
        for (int school = 0; school < SCHOOLS; school++) {
            batch.addReports(TerritoryReport.newBuilder()
                    .setTerritory(TerritoryRef.newBuilder().setRegion("66").setMunicipality("ekb")
                            .setSchool(school(school)))
                    .setPeriod(month).putCounts("students_with_access", access).putCounts("students_total", total));
        }
        return batch.build();
    }

    private static String school(int number) {
        return String.format("s%04d", number);
    }

    private static List<String> badRequestFields(StatusRuntimeException refused) {
        return StatusProto.fromThrowable(refused).getDetailsList().stream()
                .filter(detail -> detail.is(BadRequest.class))
                .flatMap(detail -> {
                    try {
                        return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                })
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connection(); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connection()) {
            connection.createStatement().execute(sql);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
    }
}
