package dev.orderly.backend.query;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A support desk tells an order the pipeline owes an outcome (accepted, not processed) from one nobody paid for,
 * sees time in state, and the pipeline snapshot counts the stuck ones against the backend's threshold.
 */
@IntegrationTest
class StuckOrdersIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acceptedButNotProcessedIsToldApartFromNeverPaid() {
        ApiClient api = new ApiClient(port);
        long neverPaid = api.createOrder(ALICE);
        long accepted = api.createOrder(ALICE);
        long processed = api.createOrder(ALICE);
        api.pay(ALICE, processed, "4111111111111111", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, processed).equals("COMPLETED"));
        // An accepted payment whose event never came back (a broker that lost it, a consumer that hangs): its claim
        // was made a minute ago, as the 202 of that request would have.
        jdbc.update("INSERT INTO payment_claims (order_id, event_id, claimed_at) VALUES (?, ?, ?)", accepted,
            accepted + "-lost", Timestamp.from(Instant.now().minusSeconds(60)));
        try {
            JsonNode stuck = api.get(STAFF, "/api/admin/stuck-orders?olderThanSeconds=0").data();
            assertThat(ids(stuck.get("acceptedNotProcessed"))).contains(accepted).doesNotContain(neverPaid, processed);
            assertThat(ids(stuck.get("neverPaid"))).contains(neverPaid).doesNotContain(accepted, processed);
            assertThat(stuck.get("acceptedNotProcessedCount").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode row = find(stuck.get("acceptedNotProcessed"), accepted);
            assertThat(row.get("waitingSeconds").asLong()).isBetween(59L, 120L);
            assertThat(row.get("status").asString()).isEqualTo("PENDING_PAYMENT");
            assertThat(row.get("user").asString()).isEqualTo(ALICE);

            List<String> states = new ArrayList<>();
            stuck.get("timeInState").forEach(s -> states.add(s.get("status").asString()));
            assertThat(states).contains("PENDING_PAYMENT").doesNotContain("COMPLETED", "REFUNDED", "CANCELLED");

            // With the default threshold (30 s) the minute-old claim counts; the fresh never-paid order does not.
            JsonNode byDefault = api.get(STAFF, "/api/admin/stuck-orders").data();
            assertThat(byDefault.get("thresholdSeconds").asLong()).isEqualTo(30);
            assertThat(ids(byDefault.get("acceptedNotProcessed"))).contains(accepted);
            assertThat(ids(byDefault.get("neverPaid"))).doesNotContain(neverPaid);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode lag = api.get(STAFF, "/api/pipeline/lag").data();
                assertThat(lag.get("stuckAccepted").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(lag.get("stuckAfterSeconds").asLong()).isEqualTo(30);
            });

            assertThat(api.get(ALICE, "/api/admin/stuck-orders").status()).isEqualTo(403);
            assertThat(api.get(STAFF, "/api/admin/stuck-orders?olderThanSeconds=-1").status()).isEqualTo(400);
        } finally {
            jdbc.update("DELETE FROM payment_claims WHERE order_id = ?", accepted);
        }
        JsonNode after = api.get(STAFF, "/api/admin/stuck-orders?olderThanSeconds=0").data();
        assertThat(ids(after.get("acceptedNotProcessed"))).doesNotContain(accepted);
        assertThat(ids(after.get("neverPaid"))).contains(accepted);
    }

    private static List<Long> ids(JsonNode orders) {
        List<Long> ids = new ArrayList<>();
        orders.forEach(o -> ids.add(o.get("orderId").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode orders, long orderId) {
        for (JsonNode o : orders) {
            if (o.get("orderId").asLong() == orderId) {
                return o;
            }
        }
        throw new AssertionError("order " + orderId + " not in " + orders);
    }
}
