package dev.orderly.backend.messaging;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.BOB;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.SharedDataDir;
import dev.orderly.model.OrderStatusChanged;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** Customers get live events of their own orders only; everyone's stream is for staff. */
@IntegrationTest
class StompAuthorisationIntegrationTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        SharedDataDir.register(registry);
    }

    @LocalServerPort
    int port;

    /** A STOMP session of one user, collecting what it receives and whether the server closed it. */
    private final class Probe {
        final List<OrderStatusChanged> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean refused = new AtomicBoolean();
        final StompSession session;

        Probe(String user, String destination) throws Exception {
            WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
            client.setMessageConverter(new JacksonJsonMessageConverter());
            WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
            headers.add("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + ApiClient.password(user)).getBytes(StandardCharsets.UTF_8)));
            session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", headers,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders frame, Object payload) {
                        refused.set(true);
                    }

                    @Override
                    public void handleException(StompSession s, StompCommand c, StompHeaders h, byte[] p,
                        Throwable e) {
                        refused.set(true);
                    }

                    @Override
                    public void handleTransportError(StompSession s, Throwable e) {
                        refused.set(true);
                    }
                }).get(10, TimeUnit.SECONDS);
            session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders h) {
                    return OrderStatusChanged.class;
                }

                @Override
                public void handleFrame(StompHeaders h, Object payload) {
                    received.add((OrderStatusChanged) payload);
                }
            });
        }
    }

    @Test
    void customersReceiveTheirOwnOrdersOnly() throws Exception {
        ApiClient api = new ApiClient(port);
        Probe alice = new Probe(ALICE, "/user/queue/orders");
        Probe bob = new Probe(BOB, "/user/queue/orders");
        Probe staff = new Probe(STAFF, "/topic/orders");
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

        Probe everyone = new Probe(BOB, "/topic/orders");
        await().atMost(Duration.ofSeconds(10)).untilTrue(everyone.refused);
        Probe pipeline = new Probe(BOB, "/topic/pipeline");
        await().atMost(Duration.ofSeconds(10)).untilTrue(pipeline.refused);
        Probe another = new Probe(BOB, "/topic/order/" + alicesOrder);
        await().atMost(Duration.ofSeconds(10)).untilTrue(another.refused);

        Probe own = new Probe(ALICE, "/topic/order/" + alicesOrder);
        api.post(ALICE, "/api/orders/" + alicesOrder + "/cancel", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> own.received.stream()
            .anyMatch(c -> c.to().name().equals("CANCELLED")));
        assertThat(own.refused).isFalse();
    }
}
