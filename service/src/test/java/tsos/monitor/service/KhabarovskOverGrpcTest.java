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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The first slice end to end: the service as the run command starts it (embedded PostgreSQL in a data
 * directory), the Khabarovsk 2022 counts sent through a real gRPC channel, the statuses read back — and again
 * after a restart.
 */
class KhabarovskOverGrpcTest {

    private static final TerritoryRef KHABAROVSK = TerritoryRef.newBuilder().setRegion("27").build();

    @TempDir
    Path data;

    @Test
    void khabarovsk_2022_reads_back_as_in_the_report_and_survives_a_restart() throws Exception {
        try (ServiceRuntime service = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0), Optional.empty())) {
            ManagedChannel managed = service.channel();
            Channel channel = BearerToken.attach(managed, Files.readString(ServiceRuntime.adminTokenFile(
                    new ServiceRuntime.Settings(data, 0, 0))));
            try {
                assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                        Files.getPosixFilePermissions(ServiceRuntime.adminTokenFile(
                                new ServiceRuntime.Settings(data, 0, 0))), "the token file is its owner's only");
                PlanningGrpc.newBlockingStub(channel).setMonthlyPlans(tenPercentIn2022("2.1", "2.2", "2.3"));
                SubmitReportsResponse stored = ReportIngestionGrpc.newBlockingStub(channel)
                        .submitReports(khabarovskNovember2022("khabarovsk-2022-11"));
                assertEquals(6, stored.getValuesStored());
                assertFalse(stored.getReplayed());
                assertKhabarovskStatuses(channel);
                assertMonthStatuses(channel);
                assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus());
            } finally {
                managed.shutdownNow();
            }
        }
        try (ServiceRuntime restarted = ServiceRuntime.start(new ServiceRuntime.Settings(data, 0, 0),
                Optional.empty())) {
            ManagedChannel managed = restarted.channel();
            // The same sender as before the restart: an idempotency key is its sender's own.
            Channel channel = BearerToken.attach(managed, Files.readString(ServiceRuntime.adminTokenFile(
                    new ServiceRuntime.Settings(data, 0, 0))));
            try {
                assertKhabarovskStatuses(channel);
                SubmitReportsResponse again = ReportIngestionGrpc.newBlockingStub(channel)
                        .submitReports(khabarovskNovember2022("khabarovsk-2022-11"));
                assertTrue(again.getReplayed(), "the same batch again is a no-op that answers as the first time");
                assertEquals(6, again.getValuesStored());
                assertMalformedRowIsNamedAndNothingStored(channel);
                assertACorrectionIsReadBackAtOnce(channel);
            } finally {
                managed.shutdownNow();
            }
        }
    }

    private static void assertKhabarovskStatuses(Channel channel) {
        IndicatorStatus students = status(channel, "2.1");
        assertEquals(11_869, students.getNumerator());
        assertEquals(148_870, students.getDenominator());
        assertEquals(797, students.getActual().getHundredths());
        assertEquals(1000, students.getPlan().getHundredths());
        assertEquals(-203, students.getGap().getHundredths());
        assertEquals(IndicatorState.BELOW_PLAN, students.getState());
        assertEquals(PlanSource.OWN, students.getPlanSource());
        assertEquals("Хабаровский край", students.getTerritoryName());

        IndicatorStatus teachers = status(channel, "2.2");
        assertEquals(6996, teachers.getActual().getHundredths());
        assertEquals(IndicatorState.ABOVE_PLAN, teachers.getState());

        IndicatorStatus schools = status(channel, "2.3");
        assertEquals(38, schools.getNumerator());
        assertEquals(385, schools.getDenominator());
        assertEquals(987, schools.getActual().getHundredths());
        assertEquals(IndicatorState.BELOW_PLAN, schools.getState());
    }

    /** The month's table: Khabarovsk's own statuses and its municipalities ranked, and one message per region. */
    private static void assertMonthStatuses(Channel channel) {
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

        StatusRuntimeException badMonth = assertThrows(StatusRuntimeException.class, () -> stub.listMonthStatuses(
                MonthStatusesRequest.newBuilder().setMonth("2022-13").build()).hasNext());
        assertEquals(List.of("month"), badRequestFields(badMonth));
        StatusRuntimeException noRegion = assertThrows(StatusRuntimeException.class, () -> stub.listMonthStatuses(
                MonthStatusesRequest.newBuilder().setMonth("2022-11").setRegion("99").build()).hasNext());
        assertEquals(Status.Code.NOT_FOUND, noRegion.getStatus().getCode());
    }

    /** A status already answered (and kept in memory) follows a correction stored after it. */
    private static void assertACorrectionIsReadBackAtOnce(Channel channel) {
        ReportIngestionGrpc.newBlockingStub(channel).submitReports(SubmitReportsRequest.newBuilder()
                .setIdempotencyKey("khabarovsk-2022-11-corrected")
                .addReports(report("2022-11", Map.of("students_with_access", 16_000L, "students_total", 148_870L)))
                .build());
        IndicatorStatus corrected = status(channel, "2.1");
        assertEquals(16_000, corrected.getNumerator());
        assertEquals(IndicatorState.ABOVE_PLAN, corrected.getState());
    }

    private static void assertMalformedRowIsNamedAndNothingStored(Channel channel) {
        SubmitReportsRequest malformed = SubmitReportsRequest.newBuilder()
                .setIdempotencyKey("khabarovsk-2022-12-with-a-bad-row")
                .addReports(report("2022-12", Map.of("students_with_access", 12_000L, "students_total", 148_870L)))
                .addReports(report("2022-13", Map.of("teachers_total", 10_851L)))
                .build();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> ReportIngestionGrpc.newBlockingStub(channel).submitReports(malformed));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        List<String> fields = badRequestFields(refused);
        assertEquals(List.of("reports[1].period"), fields);
        IndicatorStatus december = IndicatorStatusesGrpc.newBlockingStub(channel).getStatus(GetStatusRequest
                .newBuilder().setTerritory(KHABAROVSK).setIndicator("2.1").setMonth("2022-12").build());
        assertEquals(IndicatorState.NO_DATA, december.getState(), "the good row of a refused batch is not stored");
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

    private static IndicatorStatus status(Channel channel, String indicator) {
        return IndicatorStatusesGrpc.newBlockingStub(channel).getStatus(GetStatusRequest.newBuilder()
                .setTerritory(KHABAROVSK).setIndicator(indicator).setMonth("2022-11").build());
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
