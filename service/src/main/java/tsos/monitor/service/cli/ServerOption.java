package tsos.monitor.service.cli;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;
import tsos.monitor.service.BearerToken;

/**
 * How the commands reach the service: its address (--server, else TSOS_SERVER), the sender's token (--token,
 * else TSOS_TOKEN, else the administrator's token file that a local service's first start wrote in ./data), and
 * TLS when --ca-cert (or TSOS_CA_CERT) names the certificate to trust.
 */
final class ServerOption {

    static final Path LOCAL_ADMIN_TOKEN = Path.of("data", "admin-token");

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:TSOS_SERVER:-127.0.0.1:50051}",
            description = "The service's gRPC address (default: TSOS_SERVER, else ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TSOS_TOKEN}",
            description = "The sender's token (default: TSOS_TOKEN, else ./data/admin-token if present).")
    String token;

    @Option(names = "--ca-cert", paramLabel = "PEM", defaultValue = "${env:TSOS_CA_CERT}",
            description = "Use TLS, trusting this certificate (default: TSOS_CA_CERT; plaintext without it).")
    Path caCertificate;

    /** An open connection: the channel to call through, with the token attached; closing shuts it down. */
    final class Connection implements AutoCloseable {
        private final ManagedChannel managed;
        private final Channel channel;

        private Connection(ManagedChannel managed) {
            this.managed = managed;
            this.channel = token().map(t -> BearerToken.attach(managed, t)).orElse(managed);
        }

        Channel channel() {
            return channel;
        }

        @Override
        public void close() throws InterruptedException {
            managed.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    Connection connect() {
        if (caCertificate == null) {
            return new Connection(ManagedChannelBuilder.forTarget(address).usePlaintext().build());
        }
        try {
            return new Connection(NettyChannelBuilder.forTarget(address)
                    .sslContext(GrpcSslContexts.forClient().trustManager(caCertificate.toFile()).build()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate " + caCertificate, e);
        }
    }

    private Optional<String> token() {
        if (token != null && !token.isBlank()) {
            return Optional.of(token);
        }
        try {
            return Files.isReadable(LOCAL_ADMIN_TOKEN) ? Optional.of(Files.readString(LOCAL_ADMIN_TOKEN).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
