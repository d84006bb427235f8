package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tsos.monitor.api.v1.CatalogueGrpc;
import tsos.monitor.api.v1.CreateTokenRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.PlanningGrpc;
import tsos.monitor.api.v1.RankingRequest;
import tsos.monitor.api.v1.ReportIngestionGrpc;
import tsos.monitor.api.v1.SenderAdministrationGrpc;
import tsos.monitor.cli.BearerToken;

/** The API as a client in another language meets it: health by service name, reflection old and new, senders. */
class ApiContractTest {

    private static final List<String> SERVICES = List.of(ReportIngestionGrpc.SERVICE_NAME, PlanningGrpc.SERVICE_NAME,
            IndicatorStatusesGrpc.SERVICE_NAME, SenderAdministrationGrpc.SERVICE_NAME, CatalogueGrpc.SERVICE_NAME);

    private static ServiceRuntime service;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        service = SharedDatabase.service(Files.createTempDirectory("tsos-api-test"));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        service.close();
    }

    @Test
    void health_answers_for_the_whole_server_and_for_each_service_by_its_full_name() {
        var health = HealthGrpc.newBlockingStub(channel);
        List<String> names = new java.util.ArrayList<>(SERVICES);
        names.add("");
        for (String name : names) {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.check(HealthCheckRequest.newBuilder()
                    .setService(name).build()).getStatus(), name);
        }
    }

    @Test
    void server_reflection_answers_both_v1_and_v1alpha_clients() throws Exception {
        assertTrue(servicesListedByV1().containsAll(SERVICES));
        assertTrue(servicesListedByV1Alpha().containsAll(SERVICES));
    }

    @Test
    void a_sender_is_named_as_organisations_are() {
        String name = "ГКУ «Региональный центр обработки информации», г. Хабаровск";
        Channel admin = BearerToken.attach(channel, Tokens.admin(service));
        var issued = SenderAdministrationGrpc.newBlockingStub(admin).createToken(CreateTokenRequest.newBuilder()
                .setSender(name).addRegions("27").build());
        assertEquals(name, issued.getInfo().getSender());
    }

    @Test
    void a_read_with_a_malformed_month_names_the_field_and_does_not_speak_of_storing() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> IndicatorStatusesGrpc
                .newBlockingStub(channel).rankMunicipalities(RankingRequest.newBuilder().setRegion("27")
                        .setIndicator("2.1").setMonth("2022-W14").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        String message = refused.getStatus().getDescription();
        assertTrue(message.contains("month") && !message.contains("stored"), message);
    }

    private static List<String> servicesListedByV1() throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new Answer<>(names, r -> r.getListServicesResponse().getServiceList().stream()
                        .map(s -> s.getName()).toList()));
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return names.get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("deprecation")
    private static List<String> servicesListedByV1Alpha() throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        var requests = io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new Answer<>(names, r -> r.getListServicesResponse().getServiceList().stream()
                        .map(s -> s.getName()).toList()));
        requests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("")
                .build());
        requests.onCompleted();
        return names.get(10, TimeUnit.SECONDS);
    }

    /** The first answer of a stream, read into a future. */
    private record Answer<T>(CompletableFuture<List<String>> names,
                             java.util.function.Function<T, List<String>> read) implements StreamObserver<T> {
        @Override
        public void onNext(T value) {
            names.complete(read.apply(value));
        }

        @Override
        public void onError(Throwable t) {
            names.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            names.complete(List.of());
        }
    }
}
