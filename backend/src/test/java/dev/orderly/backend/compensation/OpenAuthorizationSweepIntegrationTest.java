package dev.orderly.backend.compensation;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.Ledger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An authorisation that an attempt left open (its transaction and its void both died with the database, or the
 * backend stopped between authorising and committing) is voided by the sweep once it is old enough; one that a
 * committed payment holds never is.
 */
@IntegrationTest
class OpenAuthorizationSweepIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    PaymentCompensator compensator;

    @Autowired
    Clock clock;

    @Test
    void anAuthorisationLeftOpenIsVoidedAndOneACommittedPaymentHoldsIsNot() {
        ApiClient api = new ApiClient(port);
        long paid = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, paid, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, paid).equals("COMPLETED"));

        long abandoned = api.createOrder(ALICE);
        String key = abandoned + "-" + UUID.randomUUID() + "#0";
        CardToken card = gateway.tokenize("4111111111111111");
        gateway.authorize(key, card, new BigDecimal("25.00"));
        assertThat(gateway.find(key).orElseThrow().state()).isEqualTo(LedgerState.AUTHORIZED);

        // Young authorisations are left to their attempts.
        OpenAuthorizationSweep.Settings minute = new OpenAuthorizationSweep.Settings(Duration.ofSeconds(60));
        OpenAuthorizationSweep now = new OpenAuthorizationSweep(gateway, compensator, clock, minute);
        now.sweep();
        assertThat(gateway.find(key).orElseThrow().state()).isEqualTo(LedgerState.AUTHORIZED);

        // Two minutes on, the sweep voids it, and says so on the order's timeline.
        OpenAuthorizationSweep later = new OpenAuthorizationSweep(gateway, compensator,
            Clock.offset(clock, Duration.ofMinutes(2)), minute);
        assertThat(later.sweep()).isPositive();
        assertThat(gateway.find(key).orElseThrow().state()).isEqualTo(LedgerState.VOIDED);
        assertThat(api.order(ALICE, abandoned).get("timeline").toString()).contains("voided by the sweep");
        assertThat(api.status(ALICE, abandoned)).isEqualTo("PENDING_PAYMENT");
        // The paid order's money stays taken.
        assertThat(Ledger.of(gateway, paid)).extracting(SimulatedPaymentGateway.LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED);
    }

    @Test
    void keysNameTheirOrderAndEvent() {
        assertThat(OpenAuthorizationSweep.orderOf("93-3aadcb0e-53cb-493b-8087-cca04844ff8f#r1#2")).isEqualTo(93L);
        assertThat(OpenAuthorizationSweep.eventOf("93-3aadcb0e-53cb-493b-8087-cca04844ff8f#r1#2"))
            .isEqualTo("93-3aadcb0e-53cb-493b-8087-cca04844ff8f");
        assertThat(OpenAuthorizationSweep.orderOf("not-a-key")).isNull();
    }
}
