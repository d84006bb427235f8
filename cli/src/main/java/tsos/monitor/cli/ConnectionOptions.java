package tsos.monitor.cli;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How the commands reach the service: its address (--server, else TSOS_SERVER), the sender's token
 * ({@link TokenOption}), and TLS when --ca-cert (or TSOS_CA_CERT) names the certificate to trust.
 */
final class ConnectionOptions {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:TSOS_SERVER:-127.0.0.1:50051}",
            description = "The service's gRPC address (default: TSOS_SERVER, else ${DEFAULT-VALUE}).")
    String address;

    @Mixin
    TokenOption token;

    @Option(names = "--ca-cert", paramLabel = "PEM", defaultValue = "${env:TSOS_CA_CERT}",
            description = "Use TLS, trusting this certificate (default: TSOS_CA_CERT; plaintext without it).")
    Path caCertificate;

    /** An open connection: the channel to call through, with the token attached; closing shuts it down. */
    final class Connection implements AutoCloseable {
        private final ManagedChannel managed;
        private final Channel channel;

        private Connection(ManagedChannel managed) {
            this.managed = managed;
            this.channel = token.token().map(t -> BearerToken.attach(managed, t.text())).orElse(managed);
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

    /** The service's refusal said plainly; a refused token is told by where it came from. */
    String refusal(StatusRuntimeException e) {
        String answer = "the service at " + address + " answered " + e.getStatus().getCode() + ": "
                + e.getStatus().getDescription();
        if (e.getStatus().getCode() != Status.Code.UNAUTHENTICATED
                && e.getStatus().getCode() != Status.Code.PERMISSION_DENIED) {
            return answer;
        }
        return answer + token.token().map(t -> "\n  the token sent came from " + t.source())
                .orElse("\n  no token was sent: pass --token TOKEN or set TSOS_TOKEN");
    }
}
