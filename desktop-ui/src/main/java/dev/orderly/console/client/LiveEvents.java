package dev.orderly.console.client;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One STOMP session to the backend's {@code /ws}, shared by every subscription, reconnecting every few seconds
 * while the backend is away.
 */
final class LiveEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final String wsUrl;
    private final WebSocketStompClient stomp;
    private final Map<String, Topic<?>> topics = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reconnect = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orderly-stomp-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile String authorization;
    private volatile StompSession session;
    private volatile boolean closed;
    private boolean connecting;

    /** @param tls the TLS context for a {@code wss://} backend (https), or null for the JDK's defaults */
    LiveEvents(String baseUrl, JsonMapper json, SSLContext tls) {
        this.wsUrl = baseUrl.replaceFirst("^http", "ws") + "/ws";
        StandardWebSocketClient socket = new StandardWebSocketClient();
        if (tls != null) {
            socket.setSslContext(tls);
        }
        this.stomp = new WebSocketStompClient(socket);
        this.stomp.setMessageConverter(new JacksonJsonMessageConverter(json));
    }

    void authorize(String authorization) {
        this.authorization = authorization;
        if (!topics.isEmpty()) {
            connect();
        }
    }

    <T> Runnable subscribe(String destination, Class<T> type, Consumer<T> listener) {
        @SuppressWarnings("unchecked")
        Topic<T> topic = (Topic<T>) topics.computeIfAbsent(destination, d -> new Topic<>(d, type));
        topic.listeners.add(listener);
        StompSession current = session;
        if (current != null && current.isConnected()) {
            topic.subscribeOn(current);
        } else {
            connect();
        }
        return () -> topic.listeners.remove(listener);
    }

    private synchronized void connect() {
        if (closed || authorization == null || connecting || (session != null && session.isConnected())) {
            return;
        }
        connecting = true;
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", authorization);
        stomp.connectAsync(wsUrl, headers, new StompSessionHandlerAdapter() {
            @Override
            public void afterConnected(StompSession connected, StompHeaders connectedHeaders) {
                connected(connected);
                topics.values().forEach(t -> t.subscribeOn(connected));
            }

            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders h, byte[] payload,
                Throwable exception) {
                log.warn("live events: {}", exception.toString());
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                scheduleReconnect();
            }
        }).exceptionally(e -> {
            scheduleReconnect();
            return null;
        });
    }

    private synchronized void connected(StompSession connected) {
        connecting = false;
        session = connected;
    }

    private synchronized void scheduleReconnect() {
        connecting = false;
        session = null;
        if (!closed) {
            reconnect.schedule(this::connect, 3, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        reconnect.shutdownNow();
        StompSession current = session;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }

    private static final class Topic<T> {

        private final String destination;
        private final Class<T> type;
        private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
        private volatile StompSession subscribedOn;

        Topic(String destination, Class<T> type) {
            this.destination = destination;
            this.type = type;
        }

        synchronized void subscribeOn(StompSession session) {
            if (subscribedOn == session) {
                return;
            }
            subscribedOn = session;
            session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return type;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    for (Consumer<T> listener : listeners) {
                        listener.accept(type.cast(payload));
                    }
                }
            });
        }
    }
}
