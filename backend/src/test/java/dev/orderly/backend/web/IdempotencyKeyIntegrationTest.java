package dev.orderly.backend.web;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient.Answer;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code Idempotency-Key} header: the same key and request replay the first answer and change nothing; the same
 * key with another request is 422; the same key while the first runs is 409; keys are per user.
 */
@IntegrationTest
class IdempotencyKeyIntegrationTest {

    private static final String ORDER = """
        {"items":[{"sku":"SKU-IDEM","quantity":1,"unitPrice":25.00}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private long orders(String sku) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM order_items WHERE sku = ?", Long.class, sku);
    }

    @Test
    void theSameKeyAndOrderCreateOneOrderAndReplayTheFirstAnswer() {
        ApiClient api = new ApiClient(port);
        String key = UUID.randomUUID().toString();
        String body = ORDER.replace("SKU-IDEM", "SKU-IDEM-1");
        Answer first = api.postWithKey(ALICE, "/api/orders", body, key);
        Answer again = api.postWithKey(ALICE, "/api/orders", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(orders("SKU-IDEM-1")).isEqualTo(1);

        // Another user's request under the same key is that user's own.
        Answer bobs = api.postWithKey(BOB, "/api/orders", body, key);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.data().get("orderId").asLong()).isNotEqualTo(first.data().get("orderId").asLong());
        assertThat(orders("SKU-IDEM-1")).isEqualTo(2);
    }

    @Test
    void aPaymentSentTwiceUnderOneKeyIsAcceptedOnceAndAnsweredTwiceTheSame() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        String path = "/api/orders/" + orderId + "/process-payment-shipment";
        String body = ApiClient.WAREHOUSE_ORDER.formatted("4111111111111111", "25.00", true);
        String key = UUID.randomUUID().toString();

        Answer first = api.postWithKey(ALICE, path, body, key);
        Answer again = api.postWithKey(ALICE, path, body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.data().get("eventId").asString()).isEqualTo(first.data().get("eventId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processing_attempts WHERE order_id = ? AND kind ="
            + " 'ACCEPTED'", Long.class, orderId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processing_attempts WHERE order_id = ? AND kind ="
            + " 'DUPLICATE_SKIPPED'", Long.class, orderId)).isZero();

        // The same key for another request: refused, and nothing happens to that order.
        long other = api.createOrder(ALICE);
        Answer reused = api.postWithKey(ALICE, "/api/orders/" + other + "/process-payment-shipment", body, key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.message()).contains("different request");
        assertThat(reused.data().get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(api.status(ALICE, other)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aKeyWhoseFirstRequestStillRunsIsAConflictUntilItIsAbandoned() {
        ApiClient api = new ApiClient(port);
        String body = ORDER.replace("SKU-IDEM", "SKU-IDEM-3");
        String key = UUID.randomUUID().toString();
        // The first request with the key is running (on this backend or another).
        Instant started = Instant.now();
        jdbc.update("INSERT INTO idempotency_keys (user_email, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
            ALICE, key, IdempotentRequests.fingerprint("POST", "/api/orders", null, body), Timestamp.from(started));

        Answer running = api.postWithKey(ALICE, "/api/orders", body, key);
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.header("Retry-After")).isEqualTo("1");
        assertThat(orders("SKU-IDEM-3")).isZero();

        // Its backend died: after a minute the key is taken over and the request runs.
        jdbc.update("UPDATE idempotency_keys SET created_at = ? WHERE idem_key = ?",
            Timestamp.from(started.minus(IdempotentRequests.ABANDONED).minusSeconds(1)), key);
        assertThat(api.postWithKey(ALICE, "/api/orders", body, key).status()).isEqualTo(201);
        assertThat(orders("SKU-IDEM-3")).isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsRefusedAndNothingIsCreated() {
        ApiClient api = new ApiClient(port);
        String body = ORDER.replace("SKU-IDEM", "SKU-IDEM-4");
        Answer tooLong = api.postWithKey(ALICE, "/api/orders", body, "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("data").get("fields").get("Idempotency-Key").asString())
            .contains("255");
        assertThat(orders("SKU-IDEM-4")).isZero();
    }
}
