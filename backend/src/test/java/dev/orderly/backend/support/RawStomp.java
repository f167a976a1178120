package dev.orderly.backend.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket that sends STOMP frames exactly as written, the way an attacker would: no STOMP client library in
 * between to refuse a frame a client may not send.
 */
public final class RawStomp {

    /** Text frames received, whole. */
    public final List<String> frames = new CopyOnWriteArrayList<>();
    public final AtomicBoolean closed = new AtomicBoolean();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    public RawStomp(int port, String user) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + ApiClient.password(user)).getBytes(StandardCharsets.UTF_8)))
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        frames.add(partial.toString());
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                    closed.set(true);
                    return null;
                }

                @Override
                public void onError(WebSocket ws, Throwable error) {
                    closed.set(true);
                }
            }).get(10, TimeUnit.SECONDS);
    }

    /** Sends one frame: command, headers ("name:value"), body, and the NUL that ends it. */
    public void send(String command, String body, String... headers) throws Exception {
        StringBuilder frame = new StringBuilder(command).append('\n');
        for (String header : headers) {
            frame.append(header).append('\n');
        }
        frame.append('\n').append(body).append('\0');
        socket.sendText(frame.toString(), true).get(5, TimeUnit.SECONDS);
    }

    /** CONNECT and wait for CONNECTED. */
    public RawStomp connect() throws Exception {
        send("CONNECT", "", "accept-version:1.2", "host:127.0.0.1", "heart-beat:0,0");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> frames.stream().anyMatch(f -> f.startsWith("CONNECTED")));
        return this;
    }

    public boolean receivedError() {
        return frames.stream().anyMatch(f -> f.startsWith("ERROR"));
    }
}
