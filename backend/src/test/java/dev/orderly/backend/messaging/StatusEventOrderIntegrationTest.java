package dev.orderly.backend.messaging;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.StompProbe;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every status event carries its number in the order's life, and the live feed never steps an order back: with two
 * backends, two outbox relays can put one order's events on the topic out of order.
 */
@IntegrationTest
class StatusEventOrderIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventJson json;

    @Test
    void eachCommittedChangeCarriesTheNextNumber() throws Exception {
        ApiClient api = new ApiClient(port);
        StompProbe staff = new StompProbe(port, STAFF, "/topic/orders");
        await().atMost(Duration.ofSeconds(10)).until(staff.session::isConnected);
        long order = api.createOrder(ALICE);
        api.post(ALICE, "/api/orders/" + order + "/cancel", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> staff.received.stream()
            .anyMatch(c -> c.orderId() == order && c.to() == OrderStatus.CANCELLED));
        List<Long> versions = staff.received.stream().filter(c -> c.orderId() == order)
            .map(OrderStatusChanged::version).toList();
        assertThat(versions).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anOlderChangePublishedAfterANewerOneNeverReachesTheFeed() throws Exception {
        StompProbe staff = new StompProbe(port, STAFF, "/topic/orders");
        StompProbe owner = new StompProbe(port, ALICE, "/user/queue/orders");
        await().atMost(Duration.ofSeconds(10)).until(() -> staff.session.isConnected()
            && owner.session.isConnected());
        long order = 9_000_000 + System.nanoTime() % 1_000_000;
        Instant t = Instant.now();
        // Relay B publishes change 3 before relay A gets change 2 out; then change 4 comes.
        publish(change(order, OrderStatus.PAYMENT_COMPLETED, OrderStatus.IN_WAREHOUSE, t.plusMillis(2), 4));
        publish(change(order, OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_COMPLETED, t.plusMillis(1), 3));
        publish(change(order, OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT, t, 2));
        publish(change(order, OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED, t.plusMillis(3), 5));

        for (StompProbe probe : List.of(staff, owner)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.received.stream()
                .anyMatch(c -> c.orderId() == order && c.version() == 5));
            assertThat(probe.received.stream().filter(c -> c.orderId() == order).map(OrderStatusChanged::to))
                .containsExactly(OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED);
        }
    }

    private static OrderStatusChanged change(long order, OrderStatus from, OrderStatus to, Instant at, long version) {
        return new OrderStatusChanged(order, ALICE, from, to, at, "reordered", BigDecimal.TEN, version);
    }

    private void publish(OrderStatusChanged change) throws Exception {
        kafka.send(KafkaTopics.STATUS_EVENTS, Long.toString(change.orderId()), json.write(change)).get();
    }
}
