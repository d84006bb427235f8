package tsos.monitor.domain.port;

import java.util.List;
import java.util.Optional;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;

/** Sender tokens, kept only as hashes of the tokens. */
public interface SenderTokens {

    Optional<SenderToken> findActive(String tokenHash);

    SenderToken store(Sender sender, String tokenHash);

    List<SenderToken> all();

    /** Revokes a token; empty when there is no token with that id. */
    Optional<SenderToken> revoke(String id);

    boolean anyActiveAdmin();
}
