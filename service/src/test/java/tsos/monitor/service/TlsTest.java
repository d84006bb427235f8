package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tsos.monitor.api.v1.GetStatusRequest;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.TerritoryRef;

/** With a certificate and key configured, the gRPC port speaks TLS only. */
class TlsTest {

    @TempDir
    Path data;

    @Test
    void with_a_certificate_and_key_the_grpc_port_speaks_tls_only() throws Exception {
        ServiceRuntime.Settings settings = new ServiceRuntime.Settings(data, 0, 0,
                Optional.of(resource("tls/localhost-cert.pem")), Optional.of(resource("tls/localhost-key.pem")),
                ServiceRuntime.Settings.LOOPBACK);
        try (ServiceRuntime service = SharedDatabase.service(settings)) {
            ManagedChannel tls = service.channel();
            ManagedChannel plaintext = ManagedChannelBuilder.forAddress("127.0.0.1", service.grpcPort())
                    .usePlaintext().build();
            try {
                assertEquals("SERVING", HealthGrpc.newBlockingStub(tls).check(HealthCheckRequest.getDefaultInstance())
                        .getStatus().name());
                assertEquals("Хабаровский край", IndicatorStatusesGrpc.newBlockingStub(tls).getStatus(
                        GetStatusRequest.newBuilder().setTerritory(TerritoryRef.newBuilder().setRegion("27"))
                                .setIndicator("2.1").setMonth("2022-01").build()).getTerritoryName());
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> HealthGrpc
                        .newBlockingStub(plaintext).withDeadlineAfter(2, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()));
                assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
            } finally {
                tls.shutdownNow();
                plaintext.shutdownNow();
            }
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsTest.class.getClassLoader().getResource(name).toURI());
    }
}
