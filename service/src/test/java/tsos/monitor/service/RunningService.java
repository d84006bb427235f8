package tsos.monitor.service;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tsos.monitor.cli.BearerToken;

/**
 * A service over the run's shared PostgreSQL for the tests of one class ({@code @RegisterExtension static}): started
 * before them, with a channel and the administrator's, and stopped after them with its files.
 */
final class RunningService implements BeforeAllCallback, AfterAllCallback {

    private Path files;
    private ServiceRuntime runtime;
    private ManagedChannel channel;
    private Channel admin;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        files = Files.createTempDirectory("tsos-" + context.getRequiredTestClass().getSimpleName());
        runtime = SharedDatabase.service(files);
        channel = runtime.channel();
        admin = BearerToken.attach(channel, Tokens.admin(runtime));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (runtime != null) {
            runtime.close();
        }
        try (Stream<Path> paths = Files.walk(files)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    ServiceRuntime runtime() {
        return runtime;
    }

    /** A channel without a token. */
    ManagedChannel channel() {
        return channel;
    }

    /** The channel with the first administrator's token. */
    Channel admin() {
        return admin;
    }

    /** A channel with the token of a new sender that may write for these regions. */
    Channel sender(String name, String... regions) {
        return BearerToken.attach(channel, Tokens.forRegions(runtime, name, regions));
    }

    /** The service's own files, for a test that starts another beside it. */
    Path files() {
        return files;
    }
}
