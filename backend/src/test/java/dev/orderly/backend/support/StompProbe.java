package dev.orderly.backend.support;

import static org.awaitility.Awaitility.await;

import dev.orderly.model.OrderStatusChanged;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A STOMP session of one user on a backend's {@code /ws}, collecting what it receives and whether it was refused. */
public final class StompProbe {

    public final List<OrderStatusChanged> received = new CopyOnWriteArrayList<>();
    public final AtomicBoolean refused = new AtomicBoolean();
    public final StompSession session;

    public StompProbe(int port, String user, String destination) throws Exception {
        this(destination, port, "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + ApiClient.password(user)).getBytes(StandardCharsets.UTF_8)));
    }

    /** A session whose handshake sends this {@code Authorization} header (a session token, say). */
    public static StompProbe withAuthorization(int port, String authorization, String destination)
        throws Exception {
        return new StompProbe(destination, port, authorization);
    }

    private StompProbe(String destination, int port, String authorization) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", authorization);
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

    /**
     * Tries to connect as {@code user}: the refusal's message (of the server's ERROR frame) if the server refused
     * the connection, null if it connected (then it is closed again).
     */
    public static String tryConnect(int port, String user) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + ApiClient.password(user)).getBytes(StandardCharsets.UTF_8)));
        AtomicReference<String> error = new AtomicReference<>();
        try {
            StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", headers,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders frame, Object payload) {
                        error.set(String.valueOf(frame.getFirst("message")));
                    }
                }).get(10, TimeUnit.SECONDS);
            session.disconnect();
            return null;
        } catch (ExecutionException refused) {
            await().atMost(Duration.ofSeconds(5)).until(() -> error.get() != null);
            return error.get();
        }
    }
}
