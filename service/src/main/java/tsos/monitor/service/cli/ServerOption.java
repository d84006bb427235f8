package tsos.monitor.service.cli;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import picocli.CommandLine.Option;

/** Where the service listens, for the commands that are its clients: --server, else TSOS_SERVER. */
final class ServerOption {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:TSOS_SERVER:-127.0.0.1:50051}",
            description = "The service's gRPC address (default: TSOS_SERVER, else ${DEFAULT-VALUE}).")
    String address;

    ManagedChannel channel() {
        return ManagedChannelBuilder.forTarget(address).usePlaintext().build();
    }
}
