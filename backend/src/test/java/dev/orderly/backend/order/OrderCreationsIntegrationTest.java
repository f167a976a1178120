package dev.orderly.backend.order;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Orders created at the same moment by many clients are written together (group commit, {@link OrderCreations}):
 * each still gets its own number, its own items, total and owner, and the same two first statuses as one created
 * alone.
 */
@IntegrationTest
class OrderCreationsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void ordersCreatedTogetherEachGetTheirOwnNumberItemsAndFirstTwoStatuses() throws Exception {
        ApiClient api = new ApiClient(port);
        int count = 60;
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                String user = n % 2 == 0 ? ALICE : BOB;
                // Order n has n % 3 + 1 items, SKU-n-k at quantity k + 1 and 1.25 each.
                StringBuilder items = new StringBuilder();
                for (int k = 0; k <= n % 3; k++) {
                    items.append(k == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(n).append('-').append(k)
                        .append("\",\"quantity\":").append(k + 1).append(",\"unitPrice\":1.25}");
                }
                answers.add(clients.submit(() -> api.post(user, "/api/orders", "{\"items\":[" + items + "]}")));
            }
            Set<Long> ids = new HashSet<>();
            for (int n = 0; n < count; n++) {
                ApiClient.Answer created = answers.get(n).get();
                assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
                long id = created.data().get("orderId").asLong();
                assertThat(ids.add(id)).as("order number %d given once", id).isTrue();
                int itemCount = n % 3 + 1;
                BigDecimal total = BigDecimal.ZERO;
                for (int k = 0; k < itemCount; k++) {
                    total = total.add(new BigDecimal("1.25").multiply(BigDecimal.valueOf(k + 1)));
                }
                assertThat(created.data().get("status").asString()).isEqualTo("PENDING_PAYMENT");
                assertThat(created.data().get("total").decimalValue()).isEqualByComparingTo(total);
                assertThat(created.header("Location")).isEqualTo("/api/orders/" + id);

                String owner = n % 2 == 0 ? ALICE : BOB;
                JsonNode order = api.order(owner, id);
                assertThat(order.get("userEmail").asString()).isEqualTo(owner);
                assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
                assertThat(order.get("total").decimalValue()).isEqualByComparingTo(total);
                List<String> skus = new ArrayList<>();
                order.get("items").forEach(item -> skus.add(item.get("sku").asString() + " x"
                    + item.get("quantity").asInt()));
                List<String> expected = new ArrayList<>();
                for (int k = 0; k < itemCount; k++) {
                    expected.add("SKU-" + n + "-" + k + " x" + (k + 1));
                }
                assertThat(skus).as("order %d's items", id).containsExactlyElementsOf(expected);
                List<String> statuses = new ArrayList<>();
                order.get("timeline").forEach(entry -> {
                    if (entry.get("kind").asString().equals("STATUS_CHANGE")) {
                        statuses.add(entry.get("from").asString("") + "->" + entry.get("to").asString());
                    }
                });
                assertThat(statuses).as("order %d's timeline", id)
                    .containsExactly("->CREATED", "CREATED->PENDING_PAYMENT");
                // Another customer's order stays hidden.
                String other = owner.equals(ALICE) ? BOB : ALICE;
                assertThat(api.get(other, "/api/orders/" + id).status()).isEqualTo(404);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
