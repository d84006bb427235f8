package tsos.monitor.application.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tsos.monitor.domain.sender.Sender;
import tsos.monitor.domain.sender.SenderToken;

/**
 * What every {@link SenderTokens} does, run against the fake and against PostgreSQL. Each test stores tokens of
 * random hashes and looks only at its own, so that they can share one database; only the administrators' case
 * revokes what others stored.
 */
public abstract class SenderTokensContract extends PortContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Sender KHABAROVSK_RCOI = Sender.forRegions("ГКУ «РЦОИ», г. Хабаровск", Set.of("27", "79"));

    /** 64 hex digits, the shape of the SHA-256 the service keeps. */
    private static String someHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private <T> T written(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private SenderToken store(Sender sender, String hash) {
        return written(() -> tokens().store(sender, hash));
    }

    private Optional<SenderToken> revoke(String id) {
        return written(() -> tokens().revoke(id));
    }

    @Test
    void a_stored_token_is_found_active_by_its_hash_with_its_sender() {
        String hash = someHash();
        SenderToken stored = store(KHABAROVSK_RCOI, hash);

        assertEquals(KHABAROVSK_RCOI, stored.sender());
        assertEquals(Optional.empty(), stored.revokedAt());
        assertEquals(Optional.of(stored), tokens().findActive(hash));
    }

    @Test
    void a_hash_never_stored_finds_no_token() {
        store(KHABAROVSK_RCOI, someHash());

        assertEquals(Optional.empty(), tokens().findActive(someHash()));
    }

    @Test
    void a_revoked_token_is_no_longer_active_but_is_still_listed() {
        String hash = someHash();
        SenderToken stored = store(KHABAROVSK_RCOI, hash);

        SenderToken revoked = revoke(stored.id()).orElseThrow();

        assertEquals(stored.id(), revoked.id());
        assertTrue(revoked.revokedAt().isPresent());
        assertEquals(Optional.empty(), tokens().findActive(hash));
        assertEquals(List.of(revoked), tokens().all().stream().filter(t -> t.id().equals(stored.id())).toList(),
                "kept for the audit trail of its batches");
    }

    @Test
    void revoking_a_token_again_keeps_the_moment_it_was_first_revoked() {
        SenderToken stored = store(KHABAROVSK_RCOI, someHash());
        SenderToken first = revoke(stored.id()).orElseThrow();

        assertEquals(Optional.of(first), revoke(stored.id()));
    }

    @Test
    void revoking_an_id_that_names_no_token_finds_nothing() {
        store(KHABAROVSK_RCOI, someHash());

        assertEquals(Optional.empty(), revoke("987654321"));
        assertEquals(Optional.empty(), revoke("not-an-id"));
    }

    @Test
    void tokens_are_listed_in_the_order_they_were_stored() {
        SenderToken first = store(KHABAROVSK_RCOI, someHash());
        SenderToken second = store(Sender.admin("Минпросвещения"), someHash());

        List<String> ids = tokens().all().stream().map(SenderToken::id).toList();
        assertTrue(ids.indexOf(first.id()) >= 0 && ids.indexOf(first.id()) < ids.indexOf(second.id()), ids.toString());
    }

    @Test
    void an_active_administrator_is_one_whose_token_is_not_revoked() {
        tokens().all().stream().filter(t -> t.sender().admin() && t.revokedAt().isEmpty())
                .forEach(t -> revoke(t.id()));
        assertFalse(tokens().anyActiveAdmin());

        store(KHABAROVSK_RCOI, someHash());
        assertFalse(tokens().anyActiveAdmin(), "a regional sender is no administrator");

        SenderToken admin = store(Sender.admin("admin"), someHash());
        assertTrue(tokens().anyActiveAdmin());

        revoke(admin.id());
        assertFalse(tokens().anyActiveAdmin());
    }

    @Test
    void a_token_stored_in_a_transaction_that_fails_is_not_kept() {
        String hash = someHash();

        assertThrows(IllegalStateException.class, () -> written(() -> {
            tokens().store(KHABAROVSK_RCOI, hash);
            throw new IllegalStateException("the issuing fails after storing");
        }));

        assertEquals(Optional.empty(), tokens().findActive(hash));
    }
}
