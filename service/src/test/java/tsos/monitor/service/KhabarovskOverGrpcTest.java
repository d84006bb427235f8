package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.MonthStatusesRequest;
import tsos.monitor.api.v1.MonthlyPlanEntry;
import tsos.monitor.api.v1.Percent;
import tsos.monitor.api.v1.PlanSource;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RegionMonthStatuses;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SetMonthlyPlansRequest;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.TerritoryReport;
import tsos.monitor.cli.BearerToken;

/**
 * The first slice end to end: the service as the run command starts it (embedded PostgreSQL in a data
 * directory), the Khabarovsk 2022 plans and counts sent through a real gRPC channel, then the service restarted;
 * each test reads or writes through the restarted service, each with periods of its own.
 */
class KhabarovskOverGrpcTest {

    private static final TerritoryRef KHABAROVSK = TerritoryRef.newBuilder().setRegion("27").build();

    @TempDir
    static Path data;

    private static ServiceRuntime.Settings settings;
    private static ServiceRuntime restarted;
    private static ManagedChannel managed;
    private static Channel channel;
    private static SubmitReportsResponse firstAnswer;
    private static List<IndicatorStatus> beforeTheRestart;

    @BeforeAll
    static void storeKhabarovsk2022AndRestart() throws Exception {
        settings = new ServiceRuntime.Settings(data, 0, 0);
        try (ServiceRuntime service = ServiceRuntime.start(settings, Optional.empty())) {
            ManagedChannel first = service.channel();
            try {
                Channel admin = BearerToken.attach(first, Files.readString(ServiceRuntime.adminTokenFile(settings)));
                PlanningGrpc.newBlockingStub(admin).setMonthlyPlans(tenPercentIn2022("2.1", "2.2", "2.3"));
                firstAnswer = ReportIngestionGrpc.newBlockingStub(admin)
                        .submitReports(khabarovskNovember2022("khabarovsk-2022-11"));
                beforeTheRestart = List.of(status(admin, "2.1", "2022-11"), status(admin, "2.2", "2022-11"),
                        status(admin, "2.3", "2022-11"));
            } finally {
                first.shutdownNow();
            }
        }
        restarted = ServiceRuntime.start(settings, Optional.empty());
        managed = restarted.channel();
        // The same sender as before the restart: an idempotency key is its sender's own.
        channel = BearerToken.attach(managed, Files.readString(ServiceRuntime.adminTokenFile(settings)));
    }

    @AfterAll
    static void stop() {
        managed.shutdownNow();
        restarted.close();
    }

    @Test
    void the_administrator_s_token_file_is_its_owner_s_only() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(ServiceRuntime.adminTokenFile(settings)));
    }

    @Test
    void a_batch_is_stored_with_each_of_its_counts() {
        assertEquals(6, firstAnswer.getValuesStored());
        assertFalse(firstAnswer.getReplayed());
    }

    @Test
    void khabarovsk_2022_reads_back_as_in_the_report() {
        assertKhabarovskStatuses(beforeTheRestart.get(0), beforeTheRestart.get(1), beforeTheRestart.get(2));
    }

    @Test
    void the_statuses_survive_a_restart() {
        assertKhabarovskStatuses(status(channel, "2.1", "2022-11"), status(channel, "2.2", "2022-11"),
                status(channel, "2.3", "2022-11"));
    }

    @Test
    void the_same_batch_after_a_restart_is_a_no_op_that_answers_as_the_first_time() {
        SubmitReportsResponse again = ReportIngestionGrpc.newBlockingStub(channel)
                .submitReports(khabarovskNovember2022("khabarovsk-2022-11"));

        assertTrue(again.getReplayed());
        assertEquals(firstAnswer.getBatchId(), again.getBatchId());
        assertEquals(6, again.getValuesStored());
    }

    @Test
    void the_service_answers_its_health_as_serving() {
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus());
    }

    /** The month's table: Khabarovsk's own statuses and its municipalities ranked, and one message per region. */
    @Test
    void a_month_s_statuses_come_one_message_per_region_with_its_own_statuses_and_rankings() {
        var stub = IndicatorStatusesGrpc.newBlockingStub(channel);
        List<RegionMonthStatuses> khabarovsk = new ArrayList<>();
        stub.listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth("2022-11").setRegion("27").build())
                .forEachRemaining(khabarovsk::add);
        assertEquals(1, khabarovsk.size());
        assertEquals("27", khabarovsk.get(0).getRegion());
        IndicatorStatus students = khabarovsk.get(0).getRegionStatuses(0);
        assertEquals("2.1", students.getIndicator());
        assertEquals(797, students.getActual().getHundredths());
        assertEquals(IndicatorState.BELOW_PLAN, students.getState());
        assertEquals(khabarovsk.get(0).getRegionStatusesCount(), khabarovsk.get(0).getRankingsCount());

        List<String> regions = new ArrayList<>();
        stub.listMonthStatuses(MonthStatusesRequest.newBuilder().setMonth("2022-11").build())
                .forEachRemaining(region -> regions.add(region.getRegion()));
        assertEquals(89, regions.size());
    }

    @Test
    void a_month_that_cannot_be_is_invalid_and_an_unknown_region_is_not_found() {
        var stub = IndicatorStatusesGrpc.newBlockingStub(channel);
        StatusRuntimeException badMonth = assertThrows(StatusRuntimeException.class, () -> stub.listMonthStatuses(
                MonthStatusesRequest.newBuilder().setMonth("2022-13").build()).hasNext());
        assertEquals(List.of("month"), badRequestFields(badMonth));
        StatusRuntimeException noRegion = assertThrows(StatusRuntimeException.class, () -> stub.listMonthStatuses(
                MonthStatusesRequest.newBuilder().setMonth("2022-11").setRegion("99").build()).hasNext());
        assertEquals(Status.Code.NOT_FOUND, noRegion.getStatus().getCode());
    }

    @Test
    void a_malformed_row_is_named_and_nothing_of_its_batch_is_stored() {
        SubmitReportsRequest malformed = SubmitReportsRequest.newBuilder()
                .setIdempotencyKey("khabarovsk-2022-12-with-a-bad-row")
                .addReports(report("2022-12", Map.of("students_with_access", 12_000L, "students_total", 148_870L)))
                .addReports(report("2022-13", Map.of("teachers_total", 10_851L)))
                .build();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> ReportIngestionGrpc.newBlockingStub(channel).submitReports(malformed));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("reports[1].period"), badRequestFields(refused));
        assertEquals(IndicatorState.NO_DATA, status(channel, "2.1", "2022-12").getState(),
                "the good row of a refused batch is not stored");
    }

    /** A status already answered (and kept in memory) follows a correction stored after it. */
    @Test
    void a_correction_is_read_back_at_once() {
        var reports = ReportIngestionGrpc.newBlockingStub(channel);
        reports.submitReports(SubmitReportsRequest.newBuilder().setIdempotencyKey("khabarovsk-2022-10")
                .addReports(report("2022-10", Map.of("students_with_access", 11_000L, "students_total", 148_870L)))
                .build());
        assertEquals(IndicatorState.BELOW_PLAN, status(channel, "2.1", "2022-10").getState());

        reports.submitReports(SubmitReportsRequest.newBuilder().setIdempotencyKey("khabarovsk-2022-10-corrected")
                .addReports(report("2022-10", Map.of("students_with_access", 16_000L, "students_total", 148_870L)))
                .build());
        IndicatorStatus corrected = status(channel, "2.1", "2022-10");
        assertEquals(16_000, corrected.getNumerator());
        assertEquals(IndicatorState.ABOVE_PLAN, corrected.getState());
    }

    private static void assertKhabarovskStatuses(IndicatorStatus students, IndicatorStatus teachers,
                                                 IndicatorStatus schools) {
        assertEquals(11_869, students.getNumerator());
        assertEquals(148_870, students.getDenominator());
        assertEquals(797, students.getActual().getHundredths());
        assertEquals(1000, students.getPlan().getHundredths());
        assertEquals(-203, students.getGap().getHundredths());
        assertEquals(IndicatorState.BELOW_PLAN, students.getState());
        assertEquals(PlanSource.OWN, students.getPlanSource());
        assertEquals("Хабаровский край", students.getTerritoryName());

        assertEquals(6996, teachers.getActual().getHundredths());
        assertEquals(IndicatorState.ABOVE_PLAN, teachers.getState());

        assertEquals(38, schools.getNumerator());
        assertEquals(385, schools.getDenominator());
        assertEquals(987, schools.getActual().getHundredths());
        assertEquals(IndicatorState.BELOW_PLAN, schools.getState());
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

    private static IndicatorStatus status(Channel channel, String indicator, String month) {
        return IndicatorStatusesGrpc.newBlockingStub(channel).getStatus(GetStatusRequest.newBuilder()
                .setTerritory(KHABAROVSK).setIndicator(indicator).setMonth(month).build());
    }

    private static SetMonthlyPlansRequest tenPercentIn2022(String... indicators) {
        SetMonthlyPlansRequest.Builder request = SetMonthlyPlansRequest.newBuilder();
        for (String indicator : indicators) {
            MonthlyPlanEntry.Builder plan = MonthlyPlanEntry.newBuilder().setTerritory(KHABAROVSK)
                    .setIndicator(indicator).setYear(2022);
            for (int month = 1; month <= 12; month++) {
                plan.putMonths(month, Percent.newBuilder().setHundredths(1000).build());
            }
            request.addPlans(plan);
        }
        return request.build();
    }

    private static SubmitReportsRequest khabarovskNovember2022(String key) {
        return SubmitReportsRequest.newBuilder().setIdempotencyKey(key)
                .addReports(report("2022-11", Map.of(
                        "students_with_access", 11_869L, "students_total", 148_870L,
                        "teachers_using_platform", 7_591L, "teachers_total", 10_851L,
                        "schools_using_platform", 38L, "schools_total", 385L)))
                .build();
    }

    private static TerritoryReport report(String period, Map<String, Long> counts) {
        return TerritoryReport.newBuilder().setTerritory(KHABAROVSK).setPeriod(period).putAllCounts(counts).build();
    }
}
