package tsos.monitor.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;

/**
 * The start time as an operator sees it: {@code tsos serve} in a JVM of its own, from the process's start to the
 * first SERVING answer of the gRPC health service (which answers SERVING once the database does); then, on data
 * already in place, how long until /metrics carries every series (the read model's first refresh).
 */
final class ChildService {

    record Start(double servingSeconds, Optional<Double> gaugesCompleteSeconds, String databaseStart) {
    }

    private ChildService() {
    }

    /**
     * @param expectedSeries the tsos_indicator_* series a complete /metrics carries (0: do not wait for them)
     */
    static Start start(Path dataDirectory, long expectedSeries, double timeoutSeconds) throws Exception {
        int grpcPort = freePort();
        int metricsPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-agentlib") && !argument.startsWith("-javaagent")
                        && !argument.startsWith("-XX:StartFlightRecording"))
                .toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "tsos.monitor.service.Main",
                "serve", "--data-dir", dataDirectory.toString(), "--grpc-port", Integer.toString(grpcPort),
                "--metrics-port", Integer.toString(metricsPort)));
        Files.createDirectories(dataDirectory);
        Path log = dataDirectory.resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DATABASE_URL");
        long started = System.nanoTime();
        Process process = builder.start();
        ManagedChannel channel = null;
        try {
            double serving = -1;
            while (seconds(started) < timeoutSeconds && process.isAlive()) {
                // First the port (a gRPC channel would back off for a second and more between attempts), then
                // the health service on a channel opened once the port answers.
                if (channel == null && listening(grpcPort)) {
                    channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
                }
                if (channel != null) {
                    try {
                        if (HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                                .check(HealthCheckRequest.getDefaultInstance()).getStatus()
                                == HealthCheckResponse.ServingStatus.SERVING) {
                            serving = seconds(started);
                            break;
                        }
                    } catch (StatusRuntimeException notYet) {
                        // starting
                    }
                }
                Thread.sleep(10);
            }
            if (serving < 0) {
                throw new IllegalStateException("tsos serve did not answer SERVING within " + timeoutSeconds
                        + " s; see " + log);
            }
            Optional<Double> complete = Optional.empty();
            if (expectedSeries > 0) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                        + "/metrics")).timeout(Duration.ofMinutes(5)).GET().build();
                while (seconds(started) < timeoutSeconds) {
                    long series = 0;
                    try {
                        try (var body = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                            series = Exposition.count(body).indicatorSeries(); // streamed, not held
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    if (series >= expectedSeries) {
                        complete = Optional.of(seconds(started));
                        break;
                    }
                    Thread.sleep(200);
                }
            }
            return new Start(serving, complete, databaseStart(log));
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            process.destroy(); // SIGTERM: the shutdown hook stops the service and its embedded PostgreSQL
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What `tsos serve` said of its embedded PostgreSQL's start ("started in 1400 ms"). */
    private static String databaseStart(Path log) {
        try {
            var matcher = java.util.regex.Pattern.compile("started in (\\d+ ms)").matcher(Files.readString(log));
            return matcher.find() ? "embedded PostgreSQL started in " + matcher.group(1) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
