package tsos.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who can reach the ports: this machine only unless they are opened deliberately; and nobody who reaches
 * /metrics can blind the monitoring by holding connections open.
 */
class NetworkExposureTest {

    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path data;

    @Test
    void by_default_neither_port_accepts_a_connection_on_the_machines_network_address() {
        InetAddress network = networkAddress();
        try (ServiceRuntime service = SharedDatabase.service(data)) {
            assertTrue(service.grpcAddress().getAddress().isLoopbackAddress(), service.grpcAddress().toString());
            assertTrue(service.metricsAddress().getAddress().isLoopbackAddress(), service.metricsAddress().toString());
            assertThrows(ConnectException.class, () -> connect(network, service.grpcPort()));
            assertThrows(ConnectException.class, () -> connect(network, service.metricsPort()));
        }
    }

    @Test
    void bound_to_every_interface_both_ports_accept_a_connection_on_the_machines_network_address() throws Exception {
        InetAddress network = networkAddress();
        try (ServiceRuntime service = SharedDatabase.service(
                new ServiceRuntime.Settings(data, 0, 0).withBindAddress("0.0.0.0"))) {
            assertTrue(service.grpcAddress().getAddress().isAnyLocalAddress(), service.grpcAddress().toString());
            connect(network, service.grpcPort());
            connect(network, service.metricsPort());
            assertEquals(200, scrapeOnceLoaded(new InetSocketAddress(network, service.metricsPort())).statusCode());
        }
    }

    @Test
    void idle_and_half_sent_connections_do_not_stall_a_scrape() throws Exception {
        try (ServiceRuntime service = SharedDatabase.service(data)) {
            InetSocketAddress metrics = service.metricsAddress();
            assertEquals(200, scrapeOnceLoaded(metrics).statusCode());
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    held.add(new Socket(metrics.getAddress(), metrics.getPort()));
                }
                Socket halfSent = new Socket(metrics.getAddress(), metrics.getPort());
                held.add(halfSent);
                halfSent.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
                halfSent.getOutputStream().flush();

                HttpResponse<byte[]> plain = scrape(metrics, false);
                assertEquals(200, plain.statusCode());
                assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("# TYPE tsos_"));
                HttpResponse<byte[]> gzipped = scrape(metrics, true);
                assertEquals(Optional.of("gzip"), gzipped.headers().firstValue("Content-Encoding"));
                try (InputStream text = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                    assertTrue(new String(text.readAllBytes(), StandardCharsets.UTF_8).contains("# TYPE tsos_"));
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void a_connection_that_sends_half_a_request_and_stops_is_closed_by_the_server() throws Exception {
        try (ServiceRuntime service = SharedDatabase.service(data);
             Socket halfSent = new Socket()) {
            InetSocketAddress metrics = service.metricsAddress();
            halfSent.connect(metrics);
            halfSent.setSoTimeout(30_000);
            OutputStream out = halfSent.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nHost: x".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server's idle timeout (10 s) ends it; a read timing out here would mean it is held for good.
            int read;
            try {
                read = halfSent.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertEquals(-1, read, "the server closed the connection");
        }
    }

    private static HttpResponse<byte[]> scrape(InetSocketAddress metrics, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://"
                + metrics.getAddress().getHostAddress() + ":" + metrics.getPort() + "/metrics"))
                .timeout(SCRAPE_TIMEOUT);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A scrape after the read model's first full load: until then /metrics answers 503, never half a country. */
    private static HttpResponse<byte[]> scrapeOnceLoaded(InetSocketAddress metrics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<byte[]> response = scrape(metrics, false);
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = scrape(metrics, false);
        }
        return response;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    /** An IPv4 address of this machine that is not the loopback; the test is skipped on a machine without one. */
    private static InetAddress networkAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list this machine's interfaces", e);
        }
        assumeTrue(false, "this machine has no network address besides the loopback");
        return null;
    }
}
