package dev.orderly.backend.order;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Staff move a shipping order to the customer, and refund a completed one through the gateway. */
@IntegrationTest
class StaffFlowIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Test
    void staffShipAPreparedOrderToCompletion() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, orderId).equals("PREPARING"));

        for (String target : new String[] {"SHIPMENT_STARTED", "IN_TRANSIT", "COMPLETED"}) {
            ApiClient.Answer moved = api.post(STAFF, "/api/orders/" + orderId + "/transitions",
                "{\"target\":\"" + target + "\"}");
            assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        }
        assertThat(api.status(ALICE, orderId)).isEqualTo("COMPLETED");
    }

    @Test
    void refundGoesThroughTheGateway() {
        ApiClient api = new ApiClient(port);
        long orderId = api.createOrder(ALICE);
        api.pay(ALICE, orderId, "4111111111111111", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.order(ALICE, orderId).get("payment").get("state")
            .asString().equals("CAPTURED"));

        assertThat(api.post(ALICE, "/api/orders/" + orderId + "/refund", "").status()).isEqualTo(200);
        assertThat(api.post(ALICE, "/api/orders/" + orderId + "/refund/complete", "").status()).isEqualTo(403);
        assertThat(api.post(STAFF, "/api/orders/" + orderId + "/refund/complete", "").status()).isEqualTo(200);

        assertThat(api.status(ALICE, orderId)).isEqualTo("REFUNDED");
        assertThat(api.order(ALICE, orderId).get("payment").get("state").asString()).isEqualTo("REFUNDED");
        assertThat(gateway.ledger().stream().filter(e -> e.idempotencyKey().startsWith(orderId + "-")))
            .singleElement().extracting(SimulatedPaymentGateway.LedgerEntry::state).isEqualTo(LedgerState.REFUNDED);
    }
}
