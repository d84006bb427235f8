package tsos.monitor.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.sender.InvalidSender;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * Issues, checks, lists and revokes sender tokens. A token is 256 random bits, shown once when issued and kept
 * only as its SHA-256: with that much entropy a fast hash is enough, and a stolen table gives no token.
 */
public final class SenderAuthentication {

    /** A token just issued: the only moment its text exists outside the sender's hands. */
    public record IssuedToken(SenderToken token, String text) {
    }

    /**
     * Who a call says it is, by its "authorization" values (gRPC metadata or HTTP headers): a known sender, or
     * why not. An unreachable store is not a refusal: it is thrown ({@code StoreUnavailable}, {@code StoreBusy}).
     */
    public sealed interface Caller {

        /** What becomes of the call: one function per kind of caller, so none is forgotten and nothing is cast. */
        <T> T fold(Function<Sender, T> known, Function<String, T> refused);
    }

    public record KnownSender(Sender sender) implements Caller {
        @Override
        public <T> T fold(Function<Sender, T> known, Function<String, T> refused) {
            return known.apply(sender);
        }
    }

    public record Refused(String reason) implements Caller {
        @Override
        public <T> T fold(Function<Sender, T> known, Function<String, T> refused) {
            return refused.apply(reason);
        }
    }

    private static final String PREFIX = "tsos_";
    private static final String BEARER = "Bearer ";
    private final SecureRandom random = new SecureRandom();
    private final SenderTokens tokens;
    private final Transactions transactions;
    private final TerritoryDirectory territories;
    private final boolean readsOpen;

    /** @param readsOpen whether reads (statuses, rankings, history, briefings) are answered without a token */
    public SenderAuthentication(SenderTokens tokens, Transactions transactions, TerritoryDirectory territories,
                                boolean readsOpen) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.territories = territories;
        this.readsOpen = readsOpen;
    }

    /** Whether a read needs no token: the same answer over gRPC and HTTP. */
    public boolean readsOpen() {
        return readsOpen;
    }

    private Optional<Sender> authenticate(String tokenText) {
        if (tokenText == null || !tokenText.startsWith(PREFIX) || tokenText.length() > 128) {
            return Optional.empty();
        }
        return tokens.findActive(hash(tokenText)).map(SenderToken::sender);
    }

    /**
     * The rule every read and write of the service follows: exactly one "authorization: Bearer <token>" value,
     * with an active token. Two values are refused whatever they say: which one counts would be a proxy's or a
     * library's guess.
     */
    public Caller caller(List<String> authorization) {
        if (authorization.size() > 1) {
            return new Refused("more than one 'authorization' header: send exactly one "
                    + "'authorization: Bearer <token>'");
        }
        if (authorization.isEmpty() || !authorization.get(0).startsWith(BEARER)) {
            return new Refused("a sender token is needed: 'authorization: Bearer <token>'");
        }
        return authenticate(authorization.get(0).substring(BEARER.length()).strip())
                .<Caller>map(KnownSender::new)
                .orElseGet(() -> new Refused("the sender token is unknown or revoked"));
    }

    /** A token for a sender whose every region exists; else {@link InvalidSender} naming {@code regions}. */
    public IssuedToken issue(Sender sender) {
        sender.regions().stream().filter(region -> territories.find(TerritoryCode.region(region)).isEmpty())
                .findFirst().ifPresent(unknown -> {
                    throw new InvalidSender(Field.Column.REGIONS, "no region with subject code " + unknown);
                });
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String text = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new IssuedToken(transactions.inTransaction(() -> tokens.store(sender, hash(text))), text);
    }

    /** On a first start there is no administrator yet: this issues the first one's token. */
    public Optional<IssuedToken> issueFirstAdminToken() {
        return tokens.anyActiveAdmin() ? Optional.empty() : Optional.of(issue(Sender.admin("admin")));
    }

    public List<SenderToken> list() {
        return tokens.all();
    }

    public Optional<SenderToken> revoke(String id) {
        return transactions.inTransaction(() -> tokens.revoke(id));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
