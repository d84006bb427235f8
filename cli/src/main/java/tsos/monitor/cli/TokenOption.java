package tsos.monitor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The sender's token a command sends, over gRPC or HTTP alike: --token, else TSOS_TOKEN, else the administrator's
 * token file that a local service's first start wrote in ./data.
 */
final class TokenOption {

    static final Path LOCAL_ADMIN_TOKEN = Path.of("data", "admin-token");

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The sender's token (default: TSOS_TOKEN, else ./data/admin-token if present).")
    String token;

    /** A token and where it came from, so that a refusal can say which one was sent. */
    record Token(String text, String source) {
    }

    Optional<Token> token() {
        if (token != null && !token.isBlank()) {
            return Optional.of(new Token(token, "--token"));
        }
        String environment = System.getenv("TSOS_TOKEN");
        if (environment != null && !environment.isBlank()) {
            return Optional.of(new Token(environment, "TSOS_TOKEN"));
        }
        try {
            return Files.isReadable(LOCAL_ADMIN_TOKEN) ? Optional.of(new Token(Files.readString(LOCAL_ADMIN_TOKEN)
                    .strip(), LOCAL_ADMIN_TOKEN.toAbsolutePath() + " (written by the service started in this "
                    + "directory; another service needs its own)")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
