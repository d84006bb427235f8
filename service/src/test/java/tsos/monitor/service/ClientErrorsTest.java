package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.rpc.BadRequest;
import com.zaxxer.hikari.HikariDataSource;
import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.MunicipalityRegistration;
import tsos.monitor.api.v1.QuotaEntry;
import tsos.monitor.api.v1.RegisterTerritoriesRequest;
import tsos.monitor.api.v1.SchoolRegistration;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.RevokeTokenRequest;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.api.v1.SetQuotasRequest;
import tsos.monitor.api.v1.SubmitReportsRequest;
import tsos.monitor.api.v1.SubmitReportsResponse;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.api.v1.YearOutlookGrpc;
import tsos.monitor.application.IngestionAdmission;

/**
 * Whatever a client sends wrong gets a status it can act on, with a message short enough for its headers: never
 * UNKNOWN or INTERNAL. Pskov (60) and Ryazan (62) are this class's regions.
 */
class ClientErrorsTest {

    @RegisterExtension
    static final RunningService running = new RunningService();

    private static final int CLIENT_HEADER_LIMIT = 8 * 1024;

    @Test
    void a_truncated_request_is_invalid_argument_naming_its_message() {
        byte[] whole = SenderTrustTest.batch("pskov-truncated", "60", "2023-03", 3).toByteArray();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> submitRaw(Arrays.copyOf(whole, whole.length - 5)));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(refused.getStatus().getDescription().contains("tsos.monitor.v1.SubmitReportsRequest"),
                refused.getStatus().getDescription());
    }

    @Test
    void a_truncated_request_to_a_read_is_invalid_argument_too() {
        // Field 1, length-delimited, announcing five bytes and bringing one.
        byte[] truncated = {0x0A, 0x05, 0x61};
        for (MethodDescriptor<?, ?> method : List.of(IndicatorStatusesGrpc.getGetStatusMethod(),
                YearOutlookGrpc.getGetYearPlanMethod(), YearOutlookGrpc.getListForecastsMethod(),
                CatalogueGrpc.getListIndicatorsMethod())) {
            MethodDescriptor<byte[], byte[]> raw = method.toBuilder(RawBytes.INSTANCE, RawBytes.INSTANCE).build();
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(running.channel(), raw, CallOptions.DEFAULT, truncated));
            assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(),
                    method.getFullMethodName() + ": " + refused.getStatus());
        }
    }

    @Test
    void a_request_that_does_not_parse_is_answered_once_and_logs_no_error() throws InterruptedException {
        Logger translation = (Logger) LoggerFactory.getLogger("tsos.monitor.adapters.grpc.ErrorTranslation");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        translation.addAppender(logged);
        try {
            byte[] whole = SenderTrustTest.batch("pskov-truncated-once", "60", "2023-03", 3).toByteArray();
            assertThrows(StatusRuntimeException.class, () -> submitRaw(Arrays.copyOf(whole, whole.length - 5)));
            Thread.sleep(500); // the half-close reaches the server's listener after the answer the client saw
            assertEquals(List.of(), logged.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage).toList(), "grpc-java must not answer the call again");
        } finally {
            translation.detachAppender(logged);
        }
    }

    @Test
    void invalid_utf8_in_a_string_field_is_invalid_argument() {
        // Field 1 (idempotency_key), length-delimited, two bytes that are not UTF-8.
        byte[] badKey = {0x0A, 0x02, (byte) 0xC3, 0x28};
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> submitRaw(badKey));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(refused.getStatus().getDescription().contains("UTF-8"), refused.getStatus().getDescription());
    }

    @Test
    void a_batch_with_a_thousand_bad_rows_is_refused_within_the_clients_header_limit() {
        var pskov = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Псковской области", "60"));
        SubmitReportsRequest.Builder bad = SenderTrustTest.batch("pskov-all-bad", "60", "", 1_000).toBuilder();
        for (int row = 0; row < bad.getReportsCount(); row++) {
            bad.setReports(row, bad.getReports(row).toBuilder().setPeriod("not a period " + row));
        }
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> pskov.submitReports(bad.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getStatus().toString());
        List<BadRequest.FieldViolation> named = violations(refused);
        assertTrue(named.get(named.size() - 1).getDescription().contains("more violation(s) not listed"));
    }

    @Test
    void a_10000_character_indicator_is_echoed_clipped_in_not_found() {
        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class, () -> IndicatorStatusesGrpc
                .newBlockingStub(running.channel()).getStatus(GetStatusRequest.newBuilder()
                        .setTerritory(TerritoryRef.newBuilder().setRegion("60")).setIndicator("9".repeat(10_000))
                        .setMonth("2023-03").build()));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode(), notFound.getStatus().getDescription());
        assertTrue(notFound.getStatus().getDescription().length() < 300, "clipped");
    }

    @Test
    void a_10000_character_token_id_is_echoed_clipped_in_not_found() {
        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class, () -> SenderAdministrationGrpc
                .newBlockingStub(running.admin()).revokeToken(RevokeTokenRequest.newBuilder().setId("7".repeat(10_000)).build()));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
        assertTrue(notFound.getStatus().getDescription().length() < CLIENT_HEADER_LIMIT / 20, "clipped");
    }

    @Test
    void two_authorization_headers_are_unauthenticated() {
        Metadata twice = new Metadata();
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        twice.put(authorization, "Bearer " + Tokens.forRegions(running.runtime(), "ИС Псковской области", "60"));
        twice.put(authorization, "Bearer " + Tokens.admin(running.runtime()));
        Channel ambiguous = ClientInterceptors.intercept(running.channel(), MetadataUtils.newAttachHeadersInterceptor(twice));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> ReportIngestionGrpc
                .newBlockingStub(ambiguous).submitReports(SenderTrustTest.batch("pskov-two-tokens", "60", "2023-03",
                        1)));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("more than one 'authorization' header"));
    }

    @Test
    void a_quota_above_the_count_cap_is_refused_naming_the_field_and_row() {
        QuotaEntry fine = QuotaEntry.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("60"))
                .setIndicator("2.3").setYear(2023).setQuota(10).build();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> PlanningGrpc
                .newBlockingStub(running.admin()).setQuotas(SetQuotasRequest.newBuilder().addQuotas(fine)
                        .addQuotas(fine.toBuilder().setQuota(Long.MAX_VALUE)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals("quotas[1].quota", violations(refused).get(0).getField());
    }

    @Test
    void every_bad_municipality_and_school_of_a_registration_is_named_in_one_answer_each_in_its_own_list() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> PlanningGrpc
                .newBlockingStub(running.admin()).registerTerritories(RegisterTerritoriesRequest.newBuilder()
                        .addMunicipalities(MunicipalityRegistration.newBuilder().setRegion("60").setCode("gdov")
                                .setName("Гдовский район"))
                        .addMunicipalities(MunicipalityRegistration.newBuilder().setRegion("99").setCode("x")
                                .setName("Нигде"))
                        .addSchools(SchoolRegistration.newBuilder().setRegion("60").setMunicipality("Гдовский район")
                                .setCode("1").setName(""))
                        .addSchools(SchoolRegistration.newBuilder().setRegion("60").setMunicipality("Нет такого")
                                .setCode("2").setName("Школа"))
                        .build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("municipalities[1].region", "schools[0].name", "schools[1].municipality"),
                violations(refused).stream().map(BadRequest.FieldViolation::getField).toList());
    }

    @Test
    void a_token_for_a_region_that_does_not_exist_is_refused_naming_the_field() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> SenderAdministrationGrpc
                .newBlockingStub(running.admin()).createToken(CreateTokenRequest.newBuilder().setSender("ИС региона 99")
                        .addRegions("99").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals("regions", violations(refused).get(0).getField());
    }

    @Test
    void one_senders_idempotency_key_neither_blocks_nor_reveals_another_senders_batch() {
        var pskov = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Пскова", "60"));
        var ryazan = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Рязани", "62"));
        SubmitReportsResponse first = pskov.submitReports(SenderTrustTest.batch("shared-key", "60", "", 2));
        SubmitReportsResponse second = ryazan.submitReports(SenderTrustTest.batch("shared-key", "62", "", 2));
        assertFalse(second.getReplayed(), "the second sender's batch is its own, stored");
        assertEquals(4, second.getValuesStored());
        assertNotEquals(first.getBatchId(), second.getBatchId());
        assertTrue(pskov.submitReports(SenderTrustTest.batch("shared-key", "60", "", 2)).getReplayed(),
                "a retry is still a retry for its own sender");
    }

    @Test
    void a_key_used_before_for_other_content_is_already_exists_naming_the_key_and_the_earlier_batch() {
        var pskov = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Псковской области", "60"));
        SubmitReportsResponse first = pskov.submitReports(SenderTrustTest.batch("pskov-reused", "60", "", 2));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> pskov.submitReports(SenderTrustTest.batch("pskov-reused", "60", "", 3)));
        assertEquals(Status.Code.ALREADY_EXISTS, refused.getStatus().getCode());
        BadRequest.FieldViolation key = violations(refused).get(0);
        assertEquals("idempotency_key", key.getField());
        assertTrue(key.getDescription().contains("'pskov-reused'")
                && key.getDescription().contains("batch " + first.getBatchId()), key.getDescription());
    }

    @Test
    void a_batch_that_finds_no_room_is_resource_exhausted_with_a_retry_delay_and_is_stored_when_sent_again() {
        var ryazan = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Рязанской области", "62"));
        SubmitReportsRequest batch = SenderTrustTest.batch("ryazan-no-room", "62", "", 100);
        IngestionAdmission admission = running.runtime().context().getBean(IngestionAdmission.class);
        try (IngestionAdmission.Admitted other = admission.admit(admission.maxRowsInFlight()).orElseThrow()) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> ryazan.submitReports(batch));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
            assertTrue(retryDelaySeconds(refused) > 0, "a retry delay is given");
        }
        assertEquals(200, ryazan.submitReports(batch).getValuesStored());
    }

    @Test
    void a_full_connection_pool_answers_busy_with_a_retry_delay_not_database_unavailable() throws SQLException {
        var pskov = ReportIngestionGrpc.newBlockingStub(
                running.sender("ИС Псковщины", "60"));
        // The pool itself: the DataSource bean hands out the current transaction's connection only.
        DataSource pool = running.runtime().context().getBean(DataSource.class).unwrap(HikariDataSource.class);
        int size = running.runtime().context().getRequiredProperty("datasources.default.maximum-pool-size", Integer.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(pool.getConnection());
            }
            StatusRuntimeException busy = assertThrows(StatusRuntimeException.class,
                    () -> pskov.submitReports(SenderTrustTest.batch("pskov-pool-full", "60", "2023-05", 1)));
            assertEquals(Status.Code.UNAVAILABLE, busy.getStatus().getCode());
            assertTrue(busy.getStatus().getDescription().contains("busy"), busy.getStatus().getDescription());
            assertFalse(busy.getStatus().getDescription().contains("database is unavailable"));
            assertTrue(retryDelaySeconds(busy) > 0, "a retry delay is given");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    static List<BadRequest.FieldViolation> violations(StatusRuntimeException refused) {
        return StatusProto.fromThrowable(refused).getDetailsList().stream().filter(d -> d.is(BadRequest.class))
                .map(d -> unpack(d, BadRequest.class)).findFirst().orElseThrow().getFieldViolationsList();
    }

    private static long retryDelaySeconds(StatusRuntimeException refused) {
        return StatusProto.fromThrowable(refused).getDetailsList().stream().filter(d -> d.is(RetryInfo.class))
                .map(d -> unpack(d, RetryInfo.class)).findFirst().orElseThrow().getRetryDelay().getSeconds();
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any detail, Class<T> type) {
        try {
            return detail.unpack(type);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("a detail that does not unpack", e);
        }
    }

    /** Sends bytes as they are, as a SubmitReports request of the Pskov sender: what a broken client could send. */
    private static byte[] submitRaw(byte[] request) {
        MethodDescriptor<byte[], byte[]> raw = ReportIngestionGrpc.getSubmitReportsMethod()
                .toBuilder(RawBytes.INSTANCE, RawBytes.INSTANCE).build();
        Channel pskov = running.sender("ИС Псковской обл.", "60");
        return ClientCalls.blockingUnaryCall(pskov, raw, CallOptions.DEFAULT, request);
    }

    private enum RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
