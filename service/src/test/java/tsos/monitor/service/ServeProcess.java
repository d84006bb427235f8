package tsos.monitor.service;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `tsos serve` in a JVM of its own, on the tests' classpath, as an operator runs it (its output in serve.log). */
final class ServeProcess {

    private final Path dataDirectory;
    private final int grpcPort;
    private final Process process;

    private ServeProcess(Path dataDirectory, int grpcPort, Process process) {
        this.dataDirectory = dataDirectory;
        this.grpcPort = grpcPort;
        this.process = process;
    }

    static ServeProcess start(Path dataDirectory) throws IOException {
        int grpcPort = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "tsos.monitor.service.Main", "serve",
                "--data-dir", dataDirectory.toString(), "--grpc-port", Integer.toString(grpcPort),
                "--metrics-port", Integer.toString(freePort()));
        Files.createDirectories(dataDirectory);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("serve.log").toFile()));
        builder.environment().remove("DATABASE_URL");
        return new ServeProcess(dataDirectory, grpcPort, builder.start());
    }

    /** Seconds until the health service answers SERVING; fails if the process ends first or time runs out. */
    double awaitServing(int timeoutSeconds) throws Exception {
        long started = System.nanoTime();
        while ((System.nanoTime() - started) / 1e9 < timeoutSeconds) {
            assertTrue(process.isAlive(), "tsos serve ended: " + log());
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
        throw new AssertionError("tsos serve did not answer SERVING within " + timeoutSeconds + " s: " + log());
    }

    String log() throws IOException {
        return Files.readString(dataDirectory.resolve("serve.log"));
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops the service and its embedded PostgreSQL. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
