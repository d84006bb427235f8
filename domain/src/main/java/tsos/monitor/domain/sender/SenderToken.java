package tsos.monitor.domain.sender;

import java.time.Instant;
import java.util.Optional;

/** A token as it is kept: never the token itself, only who it speaks for and whether it was revoked. */
public record SenderToken(String id, Sender sender, Instant createdAt, Optional<Instant> revokedAt) {
}
