package tsos.monitor.application.fakes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;

/**
 * Sender tokens in memory, by their hashes; ids are numbers counted from 1, and a revoked token stays, keeping the
 * moment it was first revoked.
 */
public final class InMemorySenderTokens implements SenderTokens, InMemoryTransactions.Participant {

    private final InMemoryTransactions transactions;
    private final Map<String, SenderToken> byHash = new LinkedHashMap<>();
    private long lastId;

    public InMemorySenderTokens(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enlist(this);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<String, SenderToken> before = new LinkedHashMap<>(byHash);
        return () -> {
            synchronized (this) {
                byHash.clear();
                byHash.putAll(before);
            }
        };
    }

    @Override
    public synchronized Optional<SenderToken> findActive(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash)).filter(token -> token.revokedAt().isEmpty());
    }

    @Override
    public synchronized SenderToken store(Sender sender, String tokenHash) {
        transactions.requireOpen();
        if (byHash.containsKey(tokenHash)) {
            throw new IllegalStateException("a token with this hash is already stored");
        }
        SenderToken token = new SenderToken(Long.toString(++lastId), sender, now(), Optional.empty());
        byHash.put(tokenHash, token);
        return token;
    }

    @Override
    public synchronized List<SenderToken> all() {
        return List.copyOf(byHash.values());
    }

    @Override
    public synchronized Optional<SenderToken> revoke(String id) {
        transactions.requireOpen();
        return byHash.entrySet().stream().filter(entry -> entry.getValue().id().equals(id)).findFirst()
                .map(entry -> {
                    SenderToken token = entry.getValue();
                    SenderToken revoked = new SenderToken(token.id(), token.sender(), token.createdAt(),
                            token.revokedAt().or(() -> Optional.of(now())));
                    entry.setValue(revoked);
                    return revoked;
                });
    }

    @Override
    public synchronized boolean anyActiveAdmin() {
        return byHash.values().stream().anyMatch(token -> token.sender().admin() && token.revokedAt().isEmpty());
    }

    /** To the microsecond, as PostgreSQL keeps a timestamp. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
