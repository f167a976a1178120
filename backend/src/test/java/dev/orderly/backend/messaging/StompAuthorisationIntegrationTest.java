package dev.orderly.backend.messaging;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.BOB;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.RawStomp;
import dev.orderly.backend.support.StompProbe;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Customers get live events of their own orders only; everyone's stream is for staff. */
@IntegrationTest
class StompAuthorisationIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void customersReceiveTheirOwnOrdersOnly() throws Exception {
        ApiClient api = new ApiClient(port);
        StompProbe alice = new StompProbe(port, ALICE, "/user/queue/orders");
        StompProbe bob = new StompProbe(port, BOB, "/user/queue/orders");
        StompProbe staff = new StompProbe(port, STAFF, "/topic/orders");
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.session.isConnected() && bob.session.isConnected());

        long orderId = api.createOrder(ALICE);

        await().atMost(Duration.ofSeconds(30))
            .until(() -> alice.received.stream().anyMatch(c -> c.orderId() == orderId));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> staff.received.stream().anyMatch(c -> c.orderId() == orderId));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
            .until(() -> bob.received.stream().noneMatch(c -> c.orderId() == orderId));
        assertThat(alice.refused).isFalse();
    }

    @Test
    void aCustomerCannotSubscribeToEveryonesStreamOrAnothersOrder() throws Exception {
        ApiClient api = new ApiClient(port);
        long alicesOrder = api.createOrder(ALICE);

        StompProbe everyone = new StompProbe(port, BOB, "/topic/orders");
        await().atMost(Duration.ofSeconds(10)).untilTrue(everyone.refused);
        StompProbe pipeline = new StompProbe(port, BOB, "/topic/pipeline");
        await().atMost(Duration.ofSeconds(10)).untilTrue(pipeline.refused);
        StompProbe another = new StompProbe(port, BOB, "/topic/order/" + alicesOrder);
        await().atMost(Duration.ofSeconds(10)).untilTrue(another.refused);

        StompProbe own = new StompProbe(port, ALICE, "/topic/order/" + alicesOrder);
        api.post(ALICE, "/api/orders/" + alicesOrder + "/cancel", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> own.received.stream()
            .anyMatch(c -> c.to().name().equals("CANCELLED")));
        assertThat(own.refused).isFalse();
    }

    @Test
    void aSignedInCustomerCannotForgeLiveEventsForOthers() throws Exception {
        ApiClient api = new ApiClient(port);
        long alicesOrder = api.createOrder(ALICE);
        StompProbe staff = new StompProbe(port, STAFF, "/topic/orders");
        StompProbe alice = new StompProbe(port, ALICE, "/topic/order/" + alicesOrder);
        await().atMost(Duration.ofSeconds(10)).until(() -> staff.session.isConnected()
            && alice.session.isConnected());

        OrderStatusChanged fake = new OrderStatusChanged(alicesOrder, ALICE, OrderStatus.COMPLETED,
            OrderStatus.REFUNDED, Instant.now(), "forged by bob", BigDecimal.TEN);
        List<String> targets = List.of("/topic/orders", "/topic/order/" + alicesOrder,
            "/user/" + ALICE + "/queue/orders");
        for (String target : targets) {
            // The server refuses the SEND and closes the forger's session; one session per attempt.
            StompProbe forger = new StompProbe(port, BOB, "/user/queue/orders");
            await().atMost(Duration.ofSeconds(10)).until(forger.session::isConnected);
            forger.session.send(target, fake);
            await().atMost(Duration.ofSeconds(10)).untilTrue(forger.refused);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
            staff.received.stream().noneMatch(c -> "forged by bob".equals(c.reason()))
                && alice.received.stream().noneMatch(c -> "forged by bob".equals(c.reason())));
    }

    @Test
    void aClientSentMessageFrameIsRefusedAndReachesNobody() throws Exception {
        ApiClient api = new ApiClient(port);
        long alicesOrder = api.createOrder(ALICE);
        StompProbe staff = new StompProbe(port, STAFF, "/topic/orders");
        StompProbe alice = new StompProbe(port, ALICE, "/topic/order/" + alicesOrder);
        StompProbe alicesQueue = new StompProbe(port, ALICE, "/user/queue/orders");
        await().atMost(Duration.ofSeconds(10)).until(() -> staff.session.isConnected()
            && alice.session.isConnected() && alicesQueue.session.isConnected());

        String forged = "{\"orderId\":" + alicesOrder + ",\"userEmail\":\"" + ALICE + "\",\"from\":\"COMPLETED\","
            + "\"to\":\"REFUNDED\",\"at\":\"2026-01-01T00:00:00Z\",\"reason\":\"forged by bob\",\"total\":10}";
        List<String> targets = List.of("/topic/orders", "/topic/order/" + alicesOrder,
            "/user/" + ALICE + "/queue/orders", "/queue/orders");
        for (String target : targets) {
            // A MESSAGE frame is the server's to send; from a client it closes the session with an ERROR frame.
            RawStomp forger = new RawStomp(port, BOB).connect();
            forger.send("MESSAGE", forged, "destination:" + target, "subscription:x", "message-id:1",
                "content-type:application/json");
            await().atMost(Duration.ofSeconds(10)).until(() -> forger.receivedError() && forger.closed.get());
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
            staff.received.stream().noneMatch(c -> "forged by bob".equals(c.reason()))
                && alice.received.stream().noneMatch(c -> "forged by bob".equals(c.reason()))
                && alicesQueue.received.stream().noneMatch(c -> "forged by bob".equals(c.reason())));
    }

    @Test
    void onlyTheFramesAClientMaySendAreLetThrough() throws Exception {
        // Allowed: the frames of subscribing and leaving; the session stays open.
        RawStomp client = new RawStomp(port, BOB).connect();
        client.send("SUBSCRIBE", "", "destination:/user/queue/orders", "id:s1", "ack:client");
        client.send("ACK", "", "id:m1");
        client.send("NACK", "", "id:m2");
        client.send("UNSUBSCRIBE", "", "id:s1");
        client.send("SUBSCRIBE", "", "destination:/user/queue/orders", "id:s2");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !client.closed.get()
            && !client.receivedError());
        client.send("DISCONNECT", "", "receipt:bye");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.frames.stream()
            .anyMatch(f -> f.startsWith("RECEIPT")));

        // Everything else a server sends, or that we do not serve, closes the session with an ERROR frame.
        for (String command : List.of("SEND", "MESSAGE", "RECEIPT", "ERROR", "CONNECTED", "BEGIN", "COMMIT",
            "ABORT")) {
            RawStomp other = new RawStomp(port, BOB).connect();
            other.send(command, "{}", "destination:/topic/orders", "transaction:t1", "receipt-id:1",
                "message:x", "subscription:x", "message-id:1", "version:1.2");
            await(command).atMost(Duration.ofSeconds(10))
                .until(() -> other.receivedError() && other.closed.get());
        }
    }
}
