package dev.orderly.backend.process;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.Ledger;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One consumer thread and a slow gateway (1.5 s a payment): many different orders are still paid for at the
 * same time, each exactly once. And the seed's synchronous mode, switched on by staff, does the same work in the
 * request thread.
 */
@Tag("database")
class ParallelAndSynchronousProcessingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String VISA = "4111111111111111";

    private static Path dir;
    private static RunningBackend backend;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        dir = TestDataDir.create("parallel");
        backend = RunningBackend.start(dir, "--orderly.processing.concurrency=1",
            "--orderly.gateway.latency-min=1500ms", "--orderly.gateway.latency-max=1500ms");
        api = backend.api();
    }

    @AfterAll
    static void stop() {
        backend.close();
        TestDataDir.delete(dir);
    }

    @AfterEach
    void backToKafkaMode() {
        api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"KAFKA\"}");
        api.delete(STAFF, "/api/admin/faults");
    }

    private static List<LedgerEntry> ledgerOf(long orderId) {
        return Ledger.of(backend.bean(SimulatedPaymentGateway.class), orderId);
    }

    @Test
    void oneConsumerKeepsManyPaymentsInFlightAndEachOrderIsChargedOnce() {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            orders.add(api.createOrder(ALICE));
        }
        for (long order : orders) {
            assertThat(api.pay(ALICE, order, VISA, true).status()).isEqualTo(202);
        }
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> api.status(ALICE, o).equals("COMPLETED")));

        // One consumer thread handling records one after another would never have two payments in flight.
        assertThat(backend.bean(SimulatedPaymentGateway.class).peakAuthorizationsInFlight()).isGreaterThan(10);
        for (long order : orders) {
            await().atMost(WAIT).until(() -> ledgerOf(order).stream().anyMatch(e -> e.state() == LedgerState.CAPTURED));
            assertThat(ledgerOf(order)).extracting(LedgerEntry::state).containsExactly(LedgerState.CAPTURED);
        }
        assertThat(backend.bean(InvariantChecker.class).check().ok()).isTrue();
    }

    @Test
    void synchronousModeAnswersWithTheFinalStatusOnlyAfterTheWork() {
        assertThat(api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"SYNCHRONOUS\"}").status())
            .isEqualTo(200);
        assertThat(api.get(STAFF, "/api/admin/processing-mode").data().asString()).isEqualTo("SYNCHRONOUS");
        long order = api.createOrder(ALICE);

        ApiClient.Answer answer = api.pay(ALICE, order, VISA, true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.data().get("status").asString()).isEqualTo("COMPLETED");
        // No waiting: it is done when the answer arrives.
        assertThat(api.status(ALICE, order)).isEqualTo("COMPLETED");
        assertThat(ledgerOf(order)).hasSize(1);
        assertThat(api.pay(ALICE, order, VISA, true).status()).isEqualTo(409);
    }

    @Test
    void synchronousModeReportsASeedFailureAndRollsItBack() {
        api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"SYNCHRONOUS\"}");
        api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SHIPMENT_FAILS\",\"times\":1}");
        long order = api.createOrder(ALICE);

        ApiClient.Answer answer = api.pay(ALICE, order, VISA, true);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.message()).contains("rolled back").contains("PENDING_PAYMENT");
        assertThat(api.status(ALICE, order)).isEqualTo("PENDING_PAYMENT");
        assertThat(ledgerOf(order)).extracting(LedgerEntry::state).containsExactly(LedgerState.VOIDED);
        assertThat(backend.bean(InvariantChecker.class).check().ok()).isTrue();

        ApiClient.Answer declined = api.pay(ALICE, order, "4000000000000002", true);
        assertThat(declined.status()).isEqualTo(402);
        assertThat(api.pay(ALICE, order, VISA, true).data().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void onlyStaffSwitchTheModeAndOnlyToAKnownOne() {
        assertThat(api.put(ALICE, "/api/admin/processing-mode", "{\"mode\":\"SYNCHRONOUS\"}").status())
            .isEqualTo(403);
        ApiClient.Answer unknown = api.put(STAFF, "/api/admin/processing-mode", "{\"mode\":\"FAST\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.put(STAFF, "/api/admin/processing-mode", "{}").status()).isEqualTo(400);
        assertThat(api.get(STAFF, "/api/admin/processing-mode").data().asString()).isEqualTo("KAFKA");
    }
}
