package dev.orderly.backend.faults;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.Ledger;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed's partial failures, injected after the payment was authorised: the transaction rolls back, the
 * authorisation is voided, the retry completes the order, and the gateway's ledger agrees with the database.
 */
@IntegrationTest
class SeedPartialFailuresIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    ProcessingAttemptRepository attempts;

    @Autowired
    InvariantChecker invariants;

    @Autowired
    FaultInjector faults;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void disarm() {
        faults.disarmAll();
    }

    private List<LedgerEntry> ledgerOf(long orderId) {
        return Ledger.of(gateway, orderId);
    }

    @ParameterizedTest
    @EnumSource(value = InjectableFault.class, names = {"SHIPMENT_FAILS", "WAREHOUSE_FAILS", "STATUS_UPDATE_FAILS"})
    void aFailureAfterPaymentRollsBackVoidsTheChargeAndTheRetryCompletes(InjectableFault fault) {
        ApiClient api = new ApiClient(port);
        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"" + fault + "\",\"times\":1}").status())
            .isEqualTo(200);
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", true);

        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.COMPENSATED)).isEqualTo(1);
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.RETRY_SCHEDULED)).isEqualTo(1);
        await().atMost(WAIT).until(() -> ledgerOf(orderId).stream().anyMatch(e -> e.state() == LedgerState.CAPTURED));
        assertThat(ledgerOf(orderId)).extracting(LedgerEntry::state)
            .containsExactlyInAnyOrder(LedgerState.VOIDED, LedgerState.CAPTURED);
        Integer statusChanges = jdbc.queryForObject("SELECT COUNT(*) FROM order_status_history WHERE order_id = ?"
            + " AND to_status = 'PAYMENT_COMPLETED'", Integer.class, orderId);
        assertThat(statusChanges).as("the rolled-back attempt left no history").isEqualTo(1);
        InvariantReport report = invariants.check();
        assertThat(report.violations()).as(report.toString()).isEmpty();
    }

    @Test
    void faultInjectionIsStaffOnlyAndValidated() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post(ALICE, "/api/admin/faults", "{\"fault\":\"SHIPMENT_FAILS\",\"times\":1}").status())
            .isEqualTo(403);
        ApiClient.Answer unknown = api.post(STAFF, "/api/admin/faults", "{\"fault\":\"METEOR\",\"times\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("METEOR");
        ApiClient.Answer tooMany = api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SHIPMENT_FAILS\",\"times\":0}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.message()).contains("times must be between 1 and 100");
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void theCheckerReportsAnIllegalTransitionAndStaffCanReadIt() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        jdbc.update("INSERT INTO order_status_history (order_id, from_status, to_status, changed_at, actor)"
            + " VALUES (?, 'CREATED', 'COMPLETED', CURRENT_TIMESTAMP, 'test')", orderId);
        try {
            // The report is shared by every viewer for 1.5 s: the next one shows the change.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ApiClient.Answer answer = api.get(STAFF, "/api/admin/invariants");
                assertThat(answer.data().get("ok").asBoolean()).isFalse();
                assertThat(answer.data().get("violations").toString()).contains("illegal-transition")
                    .contains("order " + orderId + ": CREATED -> COMPLETED");
            });
            assertThat(api.get(ALICE, "/api/admin/invariants").status()).isEqualTo(403);
        } finally {
            jdbc.update("DELETE FROM order_status_history WHERE actor = 'test' AND order_id = ?", orderId);
        }
        assertThat(invariants.check().violations()).extracting(InvariantReport.Violation::name)
            .doesNotContain("illegal-transition");
    }
}
