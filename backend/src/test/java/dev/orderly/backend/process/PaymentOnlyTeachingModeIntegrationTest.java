package dev.orderly.backend.process;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.Ledger;
import dev.orderly.model.InvariantReport.Violation;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed's first attempt as a teaching mode: payment alone in the consumer's transaction, the rest of the order in
 * a second one. A shipment failure in the second leaves the money taken and the order unfinished; the invariant
 * checker names the order, and reconcile refunds it and turns the checker green again. Without a failure the mode
 * still completes orders (in two transactions). Switched back to the final design afterwards.
 */
@IntegrationTest
class PaymentOnlyTeachingModeIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    ProcessingAttemptRepository attempts;

    @Autowired
    InvariantChecker invariants;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @AfterEach
    void backToTheFinalDesign() {
        api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"KAFKA\"}");
        api.delete(STAFF, "/api/admin/faults");
        api.post(STAFF, "/api/admin/reconcile", "");
    }

    @Test
    void aShipmentFailureAfterPaymentLeavesAPaidUnfinishedOrderThatTheCheckerNamesAndReconcileRefunds() {
        ApiClient.Answer switched = api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"PAYMENT_ONLY\"}");
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.data().asString()).isEqualTo("PAYMENT_ONLY");

        // Without a failure, the two transactions complete the order.
        long fine = paidOrder();
        await().atMost(WAIT).until(() -> api.status(ALICE, fine).equals("COMPLETED"));

        // A shipment failure in the second transaction: the payment stays, nothing retries it, nothing voids it.
        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SHIPMENT_FAILS\",\"times\":1}").status())
            .isEqualTo(200);
        long broken = paidOrder();
        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(broken, TimelineKind.ATTEMPT_FAILED) == 1);
        assertThat(api.status(ALICE, broken)).isEqualTo("PAYMENT_COMPLETED");
        assertThat(api.order(ALICE, broken).path("shipment").isNull()
            || api.order(ALICE, broken).path("shipment").isMissingNode()).as("no shipment").isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(broken)).extracting(LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED));

        // The checker turns red and names the order (after the 5 s the second transaction is given).
        await().atMost(WAIT).untilAsserted(() -> assertThat(violation(invariants.check()))
            .as("paid-but-unfinished").isNotNull()
            .satisfies(v -> assertThat(v.examples()).contains("order " + broken)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(STAFF, "/api/admin/invariants").data()
            .get("ok").asBoolean()).isFalse());

        // Reconcile refunds it: REFUNDED, the money given back, the checker green.
        assertThat(api.post(ALICE, "/api/admin/reconcile", "").status()).isEqualTo(403);
        ApiClient.Answer reconciled = api.post(STAFF, "/api/admin/reconcile", "");
        assertThat(reconciled.status()).isEqualTo(200);
        List<Long> refunded = new ArrayList<>();
        reconciled.data().get("refunded").forEach(id -> refunded.add(id.asLong()));
        assertThat(refunded).contains(broken).doesNotContain(fine);
        assertThat(reconciled.message()).startsWith("Refunded");
        assertThat(api.status(ALICE, broken)).isEqualTo("REFUNDED");
        assertThat(ledgerOf(broken)).extracting(LedgerEntry::state).containsExactly(LedgerState.REFUNDED);
        assertThat(api.status(ALICE, fine)).isEqualTo("COMPLETED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(invariants.check())
            .matches(InvariantReport::ok, "the invariants hold"));
        assertThat(api.post(STAFF, "/api/admin/reconcile", "").message()).startsWith("Nothing to reconcile");
    }

    private static Violation violation(InvariantReport report) {
        return report.violations().stream().filter(v -> v.name().equals(InvariantChecker.PAID_BUT_UNFINISHED))
            .findFirst().orElse(null);
    }

    private List<LedgerEntry> ledgerOf(long orderId) {
        return Ledger.of(gateway, orderId);
    }

    private long paidOrder() {
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        return orderId;
    }
}
