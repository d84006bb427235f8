package tsos.monitor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tsos.monitor.application.fakes.InMemorySenderTokens;
import tsos.monitor.application.fakes.InMemoryTerritoryDirectory;
import tsos.monitor.application.fakes.InMemoryTransactions;
import tsos.monitor.domain.refusal.Field;
import tsos.monitor.domain.sender.InvalidSender;
import tsos.monitor.domain.sender.Sender;

class SenderAuthenticationTest {

    private static final Sender KHABAROVSK_RCOI = Sender.forRegions("ГКУ «РЦОИ», г. Хабаровск", Set.of("27"));

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemorySenderTokens tokens = new InMemorySenderTokens(transactions);
    private final SenderAuthentication authentication = new SenderAuthentication(tokens, transactions,
            InMemoryTerritoryDirectory.standard(), false);

    /** The sender a call is taken for, or the reason it is refused. */
    private String callerOf(String... authorization) {
        return authentication.caller(List.of(authorization)).fold(Sender::toString, reason -> "refused: " + reason);
    }

    @Test
    void an_issued_token_speaks_for_its_sender() {
        String token = authentication.issue(KHABAROVSK_RCOI).text();

        assertEquals(KHABAROVSK_RCOI.toString(), callerOf("Bearer " + token));
    }

    @Test
    void an_issued_token_is_kept_only_as_a_hash() {
        String token = authentication.issue(KHABAROVSK_RCOI).text();

        assertTrue(token.startsWith("tsos_"), token);
        assertEquals(Optional.empty(), tokens.findActive(token));
    }

    @Test
    void a_revoked_token_is_refused() {
        SenderAuthentication.IssuedToken issued = authentication.issue(KHABAROVSK_RCOI);

        assertTrue(authentication.revoke(issued.token().id()).orElseThrow().revokedAt().isPresent());

        assertEquals("refused: the sender token is unknown or revoked", callerOf("Bearer " + issued.text()));
    }

    @Test
    void a_token_never_issued_is_refused() {
        authentication.issue(KHABAROVSK_RCOI);

        assertEquals("refused: the sender token is unknown or revoked", callerOf("Bearer tsos_never-issued"));
        assertEquals("refused: the sender token is unknown or revoked", callerOf("Bearer not-a-token"));
    }

    @Test
    void a_call_without_a_bearer_token_is_refused() {
        assertTrue(callerOf().startsWith("refused: a sender token is needed"));
        assertTrue(callerOf(authentication.issue(KHABAROVSK_RCOI).text()).startsWith("refused: a sender token is needed"));
    }

    @Test
    void two_authorization_values_are_refused_even_when_both_are_good() {
        String token = authentication.issue(KHABAROVSK_RCOI).text();

        assertTrue(callerOf("Bearer " + token, "Bearer " + token).startsWith("refused: more than one 'authorization'"));
    }

    @Test
    void a_token_for_a_region_that_does_not_exist_is_not_issued_and_nothing_is_stored() {
        InvalidSender refused = assertThrows(InvalidSender.class,
                () -> authentication.issue(Sender.forRegions("РЦОИ", Set.of("27", "88"))));

        assertEquals(Field.Column.REGIONS, refused.field());
        assertTrue(refused.getMessage().contains("88"), refused.getMessage());
        assertEquals(List.of(), authentication.list());
    }

    @Test
    void the_first_administrator_s_token_is_issued_only_while_no_administrator_is_active() {
        authentication.issue(KHABAROVSK_RCOI);
        SenderAuthentication.IssuedToken first = authentication.issueFirstAdminToken().orElseThrow();

        assertTrue(first.token().sender().mayAdminister());
        assertFalse(authentication.issueFirstAdminToken().isPresent());

        authentication.revoke(first.token().id());
        assertTrue(authentication.issueFirstAdminToken().isPresent());
    }
}
