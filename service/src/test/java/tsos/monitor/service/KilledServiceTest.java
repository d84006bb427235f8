package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kill -9` of `tsos serve` leaves its embedded postmaster running, holding the data directory; the next start
 * recognises it by the directory's pid file, stops it, and serves at its first attempt.
 */
class KilledServiceTest {

    @TempDir
    Path data;

    @Test
    void after_kill_9_of_the_service_the_next_start_serves_at_its_first_attempt() throws Exception {
        Process first = serve();
        try {
            awaitServing(first, 120);
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0)
                    .strip());
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the killed service's postmaster outlives it");

            Process second = serve();
            try {
                double seconds = awaitServing(second, 120);
                assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                        "the left postmaster was stopped");
                System.out.printf("after kill -9 of the service: the next start served in %.1f s (first attempt)%n",
                        seconds);
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private int grpcPort;

    /** `tsos serve` in a JVM of its own, on this test's classpath and data directory. */
    private Process serve() throws IOException {
        grpcPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "tsos.monitor.service.cli.Tsos",
                "serve", "--data-dir", data.toString(), "--grpc-port", Integer.toString(grpcPort),
                "--metrics-port", Integer.toString(freePort())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("serve.log").toFile()));
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }

    /** Seconds from now until the health service answers SERVING; fails if the process ends or time runs out. */
    private double awaitServing(Process process, int timeoutSeconds) throws Exception {
        long started = System.nanoTime();
        while ((System.nanoTime() - started) / 1e9 < timeoutSeconds) {
            assertTrue(process.isAlive(), "tsos serve ended: " + Files.readString(data.resolve("serve.log")));
            // A channel opened before the port listens would back off for seconds: one per attempt instead.
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            try {
                if (HealthGrpc.newBlockingStub(channel).withWaitForReady().withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (StatusRuntimeException notYet) {
                // starting
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tsos serve did not answer SERVING within " + timeoutSeconds + " s: "
                + Files.readString(data.resolve("serve.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
