package dev.orderly.backend.intake;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A payment request is accepted once per order: twenty sent at once get one 202 and nineteen 409s, one event goes
 * onto the topic; a payment that ends without processing the order (a declined card) lets it be paid again.
 */
@IntegrationTest
class PaymentClaimsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ProcessingAttemptRepository attempts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyPaymentsSentAtOnceForOneOrderAreAcceptedOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        List<String> pendingEvents = new ArrayList<>();
        try {
            Callable<Answer> pay = () -> api.pay(ALICE, orderId, "4111111111111111", true);
            List<Callable<Answer>> twenty = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twenty.add(pay);
            }
            for (Future<Answer> answer : clients.invokeAll(twenty)) {
                Answer got = answer.get(30, TimeUnit.SECONDS);
                statuses.add(got.status());
                if (got.status() == 409) {
                    assertThat(got.message()).containsAnyOf("already being processed", "only an order in"
                        + " PENDING_PAYMENT");
                    if (got.message().contains("already being processed")) {
                        // The payment under way, as data: its event and where to follow it.
                        assertThat(got.data().get("statusCheckUrl").asString())
                            .isEqualTo("/api/orders/" + orderId + "/status");
                        pendingEvents.add(got.data().get("eventId").asString());
                    }
                } else {
                    pendingEvents.add(0, got.data().get("eventId").asString());
                }
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        // Every 409 that saw the claim names the one accepted event.
        assertThat(pendingEvents).containsOnly(pendingEvents.get(0));
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.ACCEPTED)).isEqualTo(1);
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.DUPLICATE_SKIPPED)).isZero();
    }

    @Test
    void aDeclinedPaymentLetsTheOrderBePaidAgain() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4000000000000002", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(orderId, TimelineKind.ATTEMPT_FAILED) == 1);

        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
    }

    @Test
    void aClaimLeftByACrashIsTakenOverOnceStaleAndNotBefore() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        // A backend claimed the order and died before sending its event.
        Instant claimedAt = Instant.now().minus(PaymentClaims.STALE).plusSeconds(60);
        jdbc.update("INSERT INTO payment_claims (order_id, event_id, claimed_at) VALUES (?, ?, ?)", orderId,
            "lost-event", Timestamp.from(claimedAt));
        Answer early = api.pay(ALICE, orderId, "4111111111111111", true);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.data().get("eventId").asString()).isEqualTo("lost-event");

        jdbc.update("UPDATE payment_claims SET claimed_at = ? WHERE order_id = ?",
            Timestamp.from(claimedAt.minusSeconds(120)), orderId);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        // The processing released the claim in its own transaction.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_claims WHERE order_id = ?", Long.class,
            orderId)).isZero();
    }
}
