package dev.orderly.console.client;

import dev.orderly.model.AuditEntry;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.OrderTrailView;
import dev.orderly.model.OrderView;
import dev.orderly.model.PageView;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.RecordRef;
import dev.orderly.model.RedriveOutcome;
import dev.orderly.model.RedriveRequest;
import dev.orderly.model.SessionView;
import dev.orderly.model.SharedSettingsView;
import dev.orderly.model.StuckOrders;
import dev.orderly.model.UserView;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a backend over HTTP (REST) and STOMP over WebSocket (live events). */
public class RemoteClient implements OrderlyClient {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private final String baseUrl;
    private final LiveEvents live;
    /** What requests send: a session token ("Bearer ...") once signed in, the password for older backends. */
    private volatile String authorization;
    /** The password, kept to sign in again when the session ends (token expired, backend restarted). */
    private volatile String credentials;
    private volatile boolean staff;

    public RemoteClient(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * @param tls for an {@code https://} backend whose certificate the JDK does not trust by itself: the context
     *     that trusts it ({@link Tls#trusting}); null for the JDK's defaults
     */
    public RemoteClient(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.live = new LiveEvents(this.baseUrl, json, tls);
    }

    /**
     * Checks the password once and holds a session token from then on ({@code POST /api/session}): failed sign-ins
     * that others make with this account's name slow its password down, but never a console already signed in.
     * A backend without sessions (an older one) is signed in to with the password on every request, as before.
     */
    @Override
    public UserView signIn(String email, String password) {
        String candidate = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        UserView user = openSession(candidate);
        credentials = candidate;
        staff = user.isStaff();
        return user;
    }

    private UserView openSession(String basic) {
        try {
            SessionView session = call("POST", "/api/session", null, type(SessionView.class), basic);
            authorization = "Bearer " + session.token();
            live.authorize(authorization);
            return session.user();
        } catch (ApiCallException e) {
            if (e.status() != 404) {
                throw e;
            }
            UserView user = call("GET", "/api/me", null, type(UserView.class), basic);
            authorization = basic;
            live.authorize(basic);
            return user;
        }
    }

    /** After a 401 to a session token: a new session with the kept password; false if there is none to renew. */
    private synchronized boolean renewSession(String ended) {
        if (credentials == null || ended == null || !ended.startsWith("Bearer ")) {
            return false;
        }
        if (!ended.equals(authorization)) {
            return true; // another thread renewed it meanwhile
        }
        openSession(credentials);
        return true;
    }

    @Override
    public long createOrder(CreateOrderRequest request) {
        return createOrder(request, null);
    }

    @Override
    public long createOrder(CreateOrderRequest request, String idempotencyKey) {
        JsonNode data = call("POST", "/api/orders", request, type(JsonNode.class), authorization, idempotencyKey);
        return data.get("orderId").asLong();
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request) {
        return pay(orderId, request, null);
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request, String idempotencyKey) {
        JsonNode data = call("POST", "/api/orders/" + orderId + "/process-payment-shipment", request,
            type(JsonNode.class), authorization, idempotencyKey);
        // In the seed's synchronous mode the answer is the finished order, with no event.
        JsonNode eventId = data.get("eventId");
        return eventId == null || eventId.isNull() ? "" : eventId.asString();
    }

    @Override
    public PageView<OrderSummary> orders(OrderStatus status, String email, int page, int size) {
        StringBuilder path = new StringBuilder("/api/orders?page=" + page + "&size=" + size);
        if (status != null) {
            path.append("&status=").append(status.name());
        }
        if (email != null && !email.isBlank()) {
            path.append("&email=").append(URLEncoder.encode(email, StandardCharsets.UTF_8));
        }
        return call("GET", path.toString(), null,
            json.getTypeFactory().constructParametricType(PageView.class, OrderSummary.class), authorization);
    }

    @Override
    public OrderView order(long orderId) {
        return call("GET", "/api/orders/" + orderId, null, type(OrderView.class), authorization);
    }

    @Override
    public Map<OrderStatus, Long> counts() {
        JsonNode data = call("GET", "/api/orders/counts", null, type(JsonNode.class), authorization);
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, data.path(status.name()).asLong(0));
        }
        return counts;
    }

    @Override
    public void transition(long orderId, OrderStatus target) {
        call("POST", "/api/orders/" + orderId + "/transitions", Map.of("target", target.name()),
            type(JsonNode.class), authorization);
    }

    @Override
    public void cancel(long orderId) {
        call("POST", "/api/orders/" + orderId + "/cancel", null, type(JsonNode.class), authorization);
    }

    @Override
    public void requestRefund(long orderId) {
        call("POST", "/api/orders/" + orderId + "/refund", null, type(JsonNode.class), authorization);
    }

    @Override
    public void completeRefund(long orderId) {
        call("POST", "/api/orders/" + orderId + "/refund/complete", null, type(JsonNode.class), authorization);
    }

    @Override
    public LagSnapshot lag() {
        return call("GET", "/api/pipeline/lag", null, type(LagSnapshot.class), authorization);
    }

    @Override
    public List<DeadLetterView> deadLetters() {
        return call("GET", "/api/admin/dead-letters?limit=500", null,
            json.getTypeFactory().constructCollectionType(List.class, DeadLetterView.class), authorization);
    }

    @Override
    public List<RedriveOutcome> previewRedrive(List<RecordRef> records) {
        return call("POST", "/api/admin/dead-letters/preview", new RedriveRequest(records),
            json.getTypeFactory().constructCollectionType(List.class, RedriveOutcome.class), authorization);
    }

    @Override
    public List<RedriveOutcome> redrive(List<RecordRef> records) {
        return call("POST", "/api/admin/dead-letters/redrive", new RedriveRequest(records),
            json.getTypeFactory().constructCollectionType(List.class, RedriveOutcome.class), authorization);
    }

    @Override
    public List<KafkaTopicView> kafkaTopics() {
        return call("GET", "/api/admin/kafka/topics", null,
            json.getTypeFactory().constructCollectionType(List.class, KafkaTopicView.class), authorization);
    }

    @Override
    public KafkaRecordPage kafkaRecords(String topic, RecordQuery query) {
        return call("GET", "/api/admin/kafka/topics/" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
            + "/records" + query.toQueryString(), null, type(KafkaRecordPage.class), authorization);
    }

    @Override
    public OrderTrailView followOrder(long orderId) {
        return call("GET", "/api/admin/kafka/orders/" + orderId, null, type(OrderTrailView.class), authorization);
    }

    @Override
    public OffsetResetPlan previewOffsetReset(String group, OffsetResetRequest request) {
        return call("POST", "/api/admin/kafka/groups/" + URLEncoder.encode(group, StandardCharsets.UTF_8)
            + "/offsets/preview", request, type(OffsetResetPlan.class), authorization);
    }

    @Override
    public OffsetResetPlan resetOffsets(String group, OffsetResetRequest request) {
        return call("POST", "/api/admin/kafka/groups/" + URLEncoder.encode(group, StandardCharsets.UTF_8)
            + "/offsets/reset", request, type(OffsetResetPlan.class), authorization);
    }

    @Override
    public GatewaySettingsView gatewaySettings() {
        return call("GET", "/api/admin/gateway", null, type(GatewaySettingsView.class), authorization);
    }

    @Override
    public GatewaySettingsView updateGatewaySettings(GatewaySettingsView settings) {
        return call("PUT", "/api/admin/gateway", settings, type(GatewaySettingsView.class), authorization);
    }

    @Override
    public InvariantReport invariants() {
        return call("GET", "/api/admin/invariants", null, type(InvariantReport.class), authorization);
    }

    @Override
    public Map<InjectableFault, Integer> armedFaults() {
        JsonNode data = call("GET", "/api/admin/faults", null, type(JsonNode.class), authorization);
        Map<InjectableFault, Integer> armed = new EnumMap<>(InjectableFault.class);
        for (InjectableFault fault : InjectableFault.values()) {
            if (data.has(fault.name())) {
                armed.put(fault, data.get(fault.name()).asInt());
            }
        }
        return armed;
    }

    @Override
    public void armFault(InjectableFault fault, int times) {
        call("POST", "/api/admin/faults", Map.of("fault", fault.name(), "times", times), type(JsonNode.class),
            authorization);
    }

    @Override
    public void disarmFaults() {
        call("DELETE", "/api/admin/faults", null, type(JsonNode.class), authorization);
    }

    @Override
    public void brokerOutage(int seconds) {
        call("POST", "/api/admin/faults/broker-outage", Map.of("seconds", seconds), type(JsonNode.class),
            authorization);
    }

    @Override
    public boolean consumersRunning() {
        JsonNode state = call("GET", "/api/admin/consumers", null, type(JsonNode.class), authorization);
        return state.path("running").asBoolean();
    }

    @Override
    public List<Long> reconcile() {
        JsonNode result = call("POST", "/api/admin/reconcile", null, type(JsonNode.class), authorization);
        List<Long> refunded = new ArrayList<>();
        result.path("refunded").forEach(id -> refunded.add(id.asLong()));
        return refunded;
    }

    @Override
    public boolean runConsumers(boolean running) {
        JsonNode state = call("PUT", "/api/admin/consumers", Map.of("running", running), type(JsonNode.class),
            authorization);
        return state.path("running").asBoolean();
    }

    @Override
    public ProcessingMode processingMode() {
        return call("GET", "/api/admin/processing-mode", null, type(ProcessingMode.class), authorization);
    }

    @Override
    public ProcessingMode switchProcessingMode(ProcessingMode mode) {
        return call("PUT", "/api/admin/processing-mode", Map.of("mode", mode.name()), type(ProcessingMode.class),
            authorization);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return call("GET", "/api/admin/audit?limit=" + limit, null,
            json.getTypeFactory().constructCollectionType(List.class, AuditEntry.class), authorization);
    }

    @Override
    public SharedSettingsView sharedSettings() {
        return call("GET", "/api/admin/shared-settings", null, type(SharedSettingsView.class), authorization);
    }

    @Override
    public StuckOrders stuckOrders() {
        return call("GET", "/api/admin/stuck-orders", null, type(StuckOrders.class), authorization);
    }

    @Override
    public Health health() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET();
            String signedIn = authorization;
            if (signedIn != null) {
                // The components' details (the database product) are shown to staff only.
                request.header("Authorization", signedIn);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode components = json.readTree(response.body()).path("components");
            boolean broker = "UP".equals(components.path("kafka").path("status").asString(""));
            boolean db = "UP".equals(components.path("db").path("status").asString(""));
            String product = components.path("db").path("details").path("database").asString("Database");
            // Why the broker is down, when the backend says (staff see details): refused credentials, say.
            String why = components.path("kafka").path("details").path("error").asString("");
            return new Health(broker, db, "broker " + (broker ? "up" : "down" + (why.isEmpty() ? "" : " (" + why
                + ")")) + ", database " + (db ? "up" : "down"), product);
        } catch (IOException e) {
            return new Health(false, false, "backend unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(false, false, "interrupted");
        }
    }

    @Override
    public Runnable onStatusChange(Consumer<OrderStatusChanged> listener) {
        // Everyone's changes for staff; a customer's own, on their user queue, for customers.
        // Each listener keeps an order's newest change: an older one arriving late never steps a screen back.
        return live.subscribe(staff ? "/topic/orders" : "/user/queue/orders", OrderStatusChanged.class,
            new InOrder(listener));
    }

    @Override
    public Runnable onPipeline(Consumer<LagSnapshot> listener) {
        return live.subscribe("/topic/pipeline", LagSnapshot.class, listener);
    }

    @Override
    public String describe() {
        return "attached to " + baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        live.close();
    }

    private JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    private <T> T call(String method, String path, Object body, JavaType dataType, String auth) {
        return call(method, path, body, dataType, auth, null);
    }

    private <T> T call(String method, String path, Object body, JavaType dataType, String auth,
        String idempotencyKey) {
        try {
            return callOnce(method, path, body, dataType, auth, idempotencyKey);
        } catch (ApiCallException e) {
            if (e.status() == 401 && renewSession(auth)) {
                return callOnce(method, path, body, dataType, authorization, idempotencyKey);
            }
            throw e;
        }
    }

    private <T> T callOnce(String method, String path, Object body, JavaType dataType, String auth,
        String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiCallException(0, "The backend at " + baseUrl + " is not reachable", null);
        } catch (javax.net.ssl.SSLException e) {
            throw new ApiCallException(0, "The backend at " + baseUrl + " could not be trusted over TLS ("
                + e.getMessage() + "): set its trust store in Settings > Connection", null);
        } catch (IOException e) {
            throw new ApiCallException(0, "Talking to the backend at " + baseUrl + " failed: " + e.getMessage(),
                null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException(0, "Interrupted", null);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ApiCallException(response.statusCode(), "The backend answered " + response.statusCode()
                + " with something that is not JSON", null);
        }
        if (response.statusCode() >= 400 || !envelope.path("success").asBoolean(false)) {
            throw new ApiCallException(response.statusCode(), envelope.path("message").asString(
                "The backend answered " + response.statusCode()), fieldErrors(envelope));
        }
        return json.treeToValue(envelope.get("data"), dataType);
    }

    private static Map<String, String> fieldErrors(JsonNode envelope) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode fields = envelope.path("data").path("fields");
        for (String name : fields.propertyNames()) {
            errors.put(name, fields.get(name).asString());
        }
        return errors;
    }
}
