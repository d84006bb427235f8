package tsos.monitor.service;

import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tsos.monitor.application.SenderAuthentication;
import tsos.monitor.cli.BearerToken;
import tsos.monitor.cli.DemoData;
import tsos.monitor.domain.sender.Sender;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service: the gRPC API, and on its HTTP port the Prometheus /metrics endpoint and the "
                + "briefings (/ lists them).",
                "Uses the PostgreSQL named by DATABASE_URL (with DATABASE_USER, DATABASE_PASSWORD), else starts an "
                        + "embedded PostgreSQL whose data stays in --data-dir. Ctrl-C stops it cleanly."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Also load the demo data (Khabarovsk 2022, Krasnoyarsk 2024) and print "
            + "the demo statuses.")
    boolean demo;

    @Option(names = "--data-dir", defaultValue = "data", description = "Where the embedded database keeps its data "
            + "(default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--grpc-port", defaultValue = "50051", description = "gRPC port (default: ${DEFAULT-VALUE}).")
    int grpcPort;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Prometheus /metrics port "
            + "(default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:TSOS_BIND:-127.0.0.1}",
            description = "The address the gRPC and /metrics ports listen on (default: ${DEFAULT-VALUE}, this machine "
                    + "only; env TSOS_BIND). 0.0.0.0 opens them to every network this machine is on.")
    String bindAddress;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM) for TLS on the gRPC port.")
    Path tlsCertificateChain;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PEM, PKCS#8) for TLS on the gRPC port.")
    Path tlsPrivateKey;

    @Option(names = "--exit-after-demo", hidden = true, description = "Stop once the demo is printed (for scripts).")
    boolean exitAfterDemo;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ((tlsCertificateChain == null) != (tlsPrivateKey == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "TLS needs both --tls-cert and --tls-key");
        }
        ServiceRuntime.Settings settings = new ServiceRuntime.Settings(dataDirectory, grpcPort, metricsPort,
                Optional.ofNullable(tlsCertificateChain), Optional.ofNullable(tlsPrivateKey), bindAddress);
        ServiceRuntime service = ServiceRuntime.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "tsos-shutdown"));
        out.println("tsos-monitor: database: " + service.databaseDescription());
        service.reportingReader().ifPresent(reader -> out.println(
                "tsos-monitor: the year's reporting tables for Grafana: " + reader));
        String grpc = hostAndPort(service.grpcAddress());
        out.println("tsos-monitor: gRPC API listening on " + grpc
                + (tlsCertificateChain != null ? " with TLS" : "") + " (reflection and health on; try: grpcurl "
                + (tlsCertificateChain != null ? "-cacert " + tlsCertificateChain : "-plaintext") + " " + grpc
                + " list)");
        out.println("tsos-monitor: writes need a sender token; the first start left the administrator's in "
                + ServiceRuntime.adminTokenFile(settings)
                + " (tsos token create --help)");
        String web = "http://" + hostAndPort(service.metricsAddress());
        out.println("tsos-monitor: Prometheus metrics on " + web + "/metrics");
        out.println("tsos-monitor: briefings (HTML, in Russian) on " + web + "/");
        out.flush();
        if (demo) {
            // The demo loads as any sender would, with a token of its own that it revokes when done.
            SenderAuthentication senders = service.context().getBean(SenderAuthentication.class);
            SenderAuthentication.IssuedToken demoToken = senders.issue(Sender.admin("demo-loader"));
            ManagedChannel channel = service.channel();
            try {
                new DemoData(BearerToken.attach(channel, demoToken.text()), out).loadAndPrint();
            } finally {
                senders.revoke(demoToken.token().id());
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            out.println("tsos-monitor: the demo region's briefing: " + web + DemoData.BRIEFING);
            out.flush();
        }
        if (exitAfterDemo) {
            return 0;
        }
        out.println("tsos-monitor: serving; Ctrl-C stops.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** As bound: an IPv6 address in brackets, so that the line can be pasted into a URL or grpcurl. */
    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
