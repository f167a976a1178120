package dev.orderly.console.client;

import dev.orderly.api.ApiCallException;
import dev.orderly.api.OrderlyApi;
import dev.orderly.api.OrderlyApi.ArmFault;
import dev.orderly.api.OrderlyApi.BrokerOutage;
import dev.orderly.api.OrderlyApi.RunConsumers;
import dev.orderly.api.OrderlyApi.SwitchMode;
import dev.orderly.api.OrderlyApiClient;
import dev.orderly.console.util.I18n;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
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
import dev.orderly.model.TransitionRequest;
import dev.orderly.model.UserView;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a backend over HTTP (REST, through the typed {@link OrderlyApi}) and STOMP over WebSocket (live events);
 * keeps the console signed in when a session ends.
 */
public class RemoteClient implements OrderlyClient {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OrderlyApi api;
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
        this.api = OrderlyApiClient.connect(this.baseUrl, () -> authorization, tls);
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
            SessionView session = data(api.openSession(basic));
            authorization = "Bearer " + session.token();
            live.authorize(authorization);
            return session.user();
        } catch (ApiCallException e) {
            if (e.status() != 404) {
                throw e;
            }
            UserView user = data(api.me(basic));
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
        return call(api -> api.createOrder(request, idempotencyKey)).orderId();
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request) {
        return pay(orderId, request, null);
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request, String idempotencyKey) {
        // In the seed's synchronous mode the answer is the finished order, with no event.
        String eventId = call(api -> api.pay(orderId, request, idempotencyKey)).eventId();
        return eventId == null ? "" : eventId;
    }

    @Override
    public PageView<OrderSummary> orders(OrderStatus status, String email, int page, int size) {
        String who = email == null || email.isBlank() ? null : email;
        return call(api -> api.orders(status, who, page, size));
    }

    @Override
    public OrderView order(long orderId) {
        return call(api -> api.order(orderId));
    }

    @Override
    public Map<OrderStatus, Long> counts() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(call(OrderlyApi::counts));
        return counts;
    }

    @Override
    public void transition(long orderId, OrderStatus target) {
        call(api -> api.transition(orderId, new TransitionRequest(target)));
    }

    @Override
    public void cancel(long orderId) {
        call(api -> api.cancel(orderId));
    }

    @Override
    public void requestRefund(long orderId) {
        call(api -> api.requestRefund(orderId));
    }

    @Override
    public void completeRefund(long orderId) {
        call(api -> api.completeRefund(orderId));
    }

    @Override
    public LagSnapshot lag() {
        return call(OrderlyApi::lag);
    }

    @Override
    public List<DeadLetterView> deadLetters() {
        return call(api -> api.deadLetters(500));
    }

    @Override
    public List<RedriveOutcome> previewRedrive(List<RecordRef> records) {
        return call(api -> api.previewRedrive(new RedriveRequest(records)));
    }

    @Override
    public List<RedriveOutcome> redrive(List<RecordRef> records) {
        return call(api -> api.redrive(new RedriveRequest(records)));
    }

    @Override
    public List<KafkaTopicView> kafkaTopics() {
        return call(OrderlyApi::kafkaTopics);
    }

    @Override
    public KafkaRecordPage kafkaRecords(String topic, RecordQuery query) {
        return call(api -> api.kafkaRecords(topic, query.parameters()));
    }

    @Override
    public OrderTrailView followOrder(long orderId) {
        return call(api -> api.followOrder(orderId));
    }

    @Override
    public OffsetResetPlan previewOffsetReset(String group, OffsetResetRequest request) {
        return call(api -> api.previewOffsetReset(group, request));
    }

    @Override
    public OffsetResetPlan resetOffsets(String group, OffsetResetRequest request) {
        return call(api -> api.resetOffsets(group, request));
    }

    @Override
    public GatewaySettingsView gatewaySettings() {
        return call(OrderlyApi::gatewaySettings);
    }

    @Override
    public GatewaySettingsView updateGatewaySettings(GatewaySettingsView settings) {
        return call(api -> api.updateGatewaySettings(settings));
    }

    @Override
    public InvariantReport invariants() {
        return call(OrderlyApi::invariants);
    }

    @Override
    public Map<InjectableFault, Integer> armedFaults() {
        Map<InjectableFault, Integer> armed = new EnumMap<>(InjectableFault.class);
        armed.putAll(call(OrderlyApi::armedFaults));
        return armed;
    }

    @Override
    public void armFault(InjectableFault fault, int times) {
        call(api -> api.armFault(new ArmFault(fault, times)));
    }

    @Override
    public void disarmFaults() {
        call(OrderlyApi::disarmFaults);
    }

    @Override
    public void brokerOutage(int seconds) {
        call(api -> api.brokerOutage(new BrokerOutage(seconds)));
    }

    @Override
    public boolean consumersRunning() {
        return call(OrderlyApi::consumers).running();
    }

    @Override
    public List<Long> reconcile() {
        return call(OrderlyApi::reconcile).refunded();
    }

    @Override
    public boolean runConsumers(boolean running) {
        return call(api -> api.runConsumers(new RunConsumers(running))).running();
    }

    @Override
    public ProcessingMode processingMode() {
        return call(OrderlyApi::processingMode);
    }

    @Override
    public ProcessingMode switchProcessingMode(ProcessingMode mode) {
        return call(api -> api.switchProcessingMode(new SwitchMode(mode)));
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return call(api -> api.audit(limit));
    }

    @Override
    public SharedSettingsView sharedSettings() {
        return call(OrderlyApi::sharedSettings);
    }

    @Override
    public StuckOrders stuckOrders() {
        return call(api -> api.stuckOrders(null));
    }

    @Override
    public StuckOrders stuckOrders(long olderThanSeconds) {
        return call(api -> api.stuckOrders(olderThanSeconds));
    }

    /**
     * Signed in, the components' details (the database product, why the broker is down) come too: they are shown
     * to staff only. DOWN is a 503 whose body still names each component.
     */
    @Override
    public Health health() {
        JsonNode answer;
        try {
            answer = api.health();
        } catch (ApiCallException e) {
            if (e.status() == 0) {
                return new Health(false, false, "backend unreachable: " + e.getMessage());
            }
            try {
                answer = json.readTree(e.answer());
            } catch (RuntimeException notJson) {
                return new Health(false, false, "backend answered " + e.status());
            }
        } catch (RestClientException e) {
            return new Health(false, false, "backend unreachable: " + e.getMessage());
        }
        JsonNode components = answer.path("components");
        boolean broker = "UP".equals(components.path("kafka").path("status").asString(""));
        boolean db = "UP".equals(components.path("db").path("status").asString(""));
        String product = components.path("db").path("details").path("database").asString("Database");
        String why = components.path("kafka").path("details").path("error").asString("");
        return new Health(broker, db, "broker " + (broker ? "up" : "down" + (why.isEmpty() ? "" : " (" + why
            + ")")) + ", database " + (db ? "up" : "down"), product);
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
        return I18n.t("connection.attached", baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        live.close();
    }

    /** One call's data; a 401 to an ended session signs in again with the kept password and calls once more. */
    private <T> T call(Function<OrderlyApi, ApiResponse<T>> request) {
        String sent = authorization;
        try {
            return data(request.apply(api));
        } catch (ApiCallException e) {
            if (e.status() == 401 && renewSession(sent)) {
                return data(request.apply(api));
            }
            throw e;
        } catch (RestClientException e) {
            throw new ApiCallException(0, ErrorCode.BACKEND_ANSWER_UNREADABLE.with(baseUrl), "The backend at "
                + baseUrl + " answered something this console cannot read: " + e.getMessage(), null, "");
        }
    }

    private <T> T data(ApiResponse<T> envelope) {
        return envelope.data();
    }
}
