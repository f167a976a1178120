package dev.orderly.console.support;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.RecordQuery;
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
import dev.orderly.model.SharedSettingsView;
import dev.orderly.model.StuckOrders;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in backend for view-model tests: answers from fields the test sets and records every command, so a
 * test can check what a view-model sent (or that it sent nothing).
 */
public class RecordingClient implements OrderlyClient {

    public final List<String> calls = new ArrayList<>();
    /** The Idempotency-Key of each create and pay call, in order (null for a call without one). */
    public final List<String> idempotencyKeys = new ArrayList<>();
    public final List<OrderSummary> orders = new ArrayList<>();
    public final Map<Long, OrderView> views = new HashMap<>();
    public final Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
    public final List<DeadLetterView> deadLetters = new ArrayList<>();
    public final List<RecordRef> redriven = new ArrayList<>();
    public final List<KafkaTopicView> topics = new ArrayList<>();
    /** The record pages to answer, in order (an empty page when none is left). */
    public final List<KafkaRecordPage> pages = new ArrayList<>();
    public OrderTrailView trail;
    /** How many offset resets to refuse with a 409 (a live member) before applying one. */
    public int refuseResets;
    public final List<Consumer<OrderStatusChanged>> statusListeners = new ArrayList<>();
    public RuntimeException failNext;
    public RuntimeException failNextPay;
    public long nextOrderId = 100;
    public GatewaySettingsView gateway = new GatewaySettingsView(50, 200, 0, 0);
    public boolean consumersRunning = true;

    private void maybeFail() {
        if (failNext != null) {
            RuntimeException failure = failNext;
            failNext = null;
            throw failure;
        }
    }

    @Override
    public UserView signIn(String email, String password) {
        calls.add("signIn " + email);
        maybeFail();
        if (!password.endsWith("-demo")) {
            throw new ApiCallException(401, "Wrong e-mail or password", null);
        }
        return new UserView(email, email.startsWith("staff") ? "STAFF" : "CUSTOMER");
    }

    @Override
    public long createOrder(CreateOrderRequest request) {
        calls.add("createOrder " + request.items().size());
        maybeFail();
        return nextOrderId++;
    }

    @Override
    public long createOrder(CreateOrderRequest request, String idempotencyKey) {
        idempotencyKeys.add(idempotencyKey);
        return createOrder(request);
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request, String idempotencyKey) {
        idempotencyKeys.add(idempotencyKey);
        return pay(orderId, request);
    }

    @Override
    public String pay(long orderId, PayAndShipmentRequest request) {
        calls.add("pay " + orderId + " " + request.payment().amount());
        maybeFail();
        if (failNextPay != null) {
            RuntimeException failure = failNextPay;
            failNextPay = null;
            throw failure;
        }
        return orderId + "-event";
    }

    @Override
    public PageView<OrderSummary> orders(OrderStatus status, String email, int page, int size) {
        calls.add("orders " + page);
        int from = Math.min(orders.size(), page * size);
        int to = Math.min(orders.size(), from + size);
        int pages = (orders.size() + size - 1) / size;
        return new PageView<>(orders.subList(from, to), page, size, orders.size(), pages);
    }

    @Override
    public OrderView order(long orderId) {
        calls.add("order " + orderId);
        maybeFail();
        return views.get(orderId);
    }

    @Override
    public Map<OrderStatus, Long> counts() {
        return counts;
    }

    @Override
    public void transition(long orderId, OrderStatus target) {
        calls.add("transition " + orderId + " " + target);
        maybeFail();
    }

    @Override
    public void cancel(long orderId) {
        calls.add("cancel " + orderId);
    }

    @Override
    public void requestRefund(long orderId) {
        calls.add("requestRefund " + orderId);
    }

    @Override
    public void completeRefund(long orderId) {
        calls.add("completeRefund " + orderId);
    }

    @Override
    public LagSnapshot lag() {
        return LagSnapshot.empty(java.time.Instant.now());
    }

    @Override
    public List<KafkaTopicView> kafkaTopics() {
        calls.add("kafkaTopics");
        maybeFail();
        return topics;
    }

    @Override
    public KafkaRecordPage kafkaRecords(String topic, RecordQuery query) {
        calls.add("kafkaRecords " + topic + " ?" + query.parameters().entrySet().stream()
            .map(p -> p.getKey() + "=" + String.join(",", p.getValue()))
            .collect(java.util.stream.Collectors.joining("&")));
        maybeFail();
        return pages.isEmpty() ? new KafkaRecordPage(List.of(), null, 0, true) : pages.remove(0);
    }

    @Override
    public OrderTrailView followOrder(long orderId) {
        calls.add("followOrder " + orderId);
        maybeFail();
        return trail != null ? trail : new OrderTrailView(orderId, List.of(), true);
    }

    @Override
    public OffsetResetPlan previewOffsetReset(String group, OffsetResetRequest request) {
        calls.add("previewOffsetReset " + group + " " + request.to());
        maybeFail();
        return plan(group, request, false);
    }

    @Override
    public OffsetResetPlan resetOffsets(String group, OffsetResetRequest request) {
        calls.add("resetOffsets " + group + " " + request.to() + " consumers running " + consumersRunning);
        if (refuseResets > 0) {
            refuseResets--;
            throw new ApiCallException(409, "Group '" + group + "' has 1 live member(s)", Map.of());
        }
        maybeFail();
        return plan(group, request, true);
    }

    private static OffsetResetPlan plan(String group, OffsetResetRequest request, boolean applied) {
        return new OffsetResetPlan(group, request.topic(), applied, List.of(
            new OffsetResetPlan.Move(0, 30L, 20, 30, 10), new OffsetResetPlan.Move(1, 12L, 10, 12, 2)));
    }

    @Override
    public List<DeadLetterView> deadLetters() {
        calls.add("deadLetters");
        return deadLetters;
    }

    @Override
    public List<RedriveOutcome> previewRedrive(List<RecordRef> records) {
        calls.add("preview " + records.size());
        return records.stream().map(r -> new RedriveOutcome(r.partition(), r.offset(), 1L, r.offset() % 2 == 0,
            false, "preview")).toList();
    }

    @Override
    public List<RedriveOutcome> redrive(List<RecordRef> records) {
        calls.add("redrive " + records.size());
        redriven.addAll(records);
        return records.stream().map(r -> new RedriveOutcome(r.partition(), r.offset(), 1L, true, true,
            "sent")).toList();
    }

    @Override
    public GatewaySettingsView gatewaySettings() {
        return gateway;
    }

    @Override
    public GatewaySettingsView updateGatewaySettings(GatewaySettingsView settings) {
        calls.add("gateway " + settings.errorRate());
        gateway = settings;
        return settings;
    }

    public InvariantReport report = new InvariantReport(java.time.Instant.now(), true, Map.of("accepted", 1L),
        List.of());
    public final Map<InjectableFault, Integer> faults = new EnumMap<>(InjectableFault.class);

    @Override
    public InvariantReport invariants() {
        calls.add("invariants");
        return report;
    }

    @Override
    public Map<InjectableFault, Integer> armedFaults() {
        return Map.copyOf(faults);
    }

    @Override
    public void armFault(InjectableFault fault, int times) {
        calls.add("arm " + fault + " " + times);
        faults.put(fault, times);
    }

    @Override
    public void disarmFaults() {
        calls.add("disarm");
        faults.clear();
    }

    public ProcessingMode mode = ProcessingMode.KAFKA;

    @Override
    public void brokerOutage(int seconds) {
        calls.add("outage " + seconds);
        maybeFail();
    }

    @Override
    public boolean consumersRunning() {
        return consumersRunning;
    }

    @Override
    public boolean runConsumers(boolean running) {
        calls.add("consumers " + (running ? "start" : "stop"));
        maybeFail();
        consumersRunning = running;
        return running;
    }

    @Override
    public ProcessingMode processingMode() {
        return mode;
    }

    @Override
    public ProcessingMode switchProcessingMode(ProcessingMode next) {
        calls.add("mode " + next);
        mode = next;
        return next;
    }

    public final List<AuditEntry> auditEntries = new ArrayList<>();
    public AuditEntry gatewayChanged;
    public StuckOrders stuck = new StuckOrders(java.time.Instant.now(), 30, List.of(), List.of(), 0, List.of(), 0);

    @Override
    public List<AuditEntry> audit(int limit) {
        calls.add("audit " + limit);
        maybeFail();
        return List.copyOf(auditEntries.subList(0, Math.min(limit, auditEntries.size())));
    }

    @Override
    public SharedSettingsView sharedSettings() {
        return new SharedSettingsView("recording", gateway, gatewayChanged, mode, null, Map.copyOf(faults), null);
    }

    @Override
    public StuckOrders stuckOrders() {
        calls.add("stuck");
        maybeFail();
        return stuck;
    }

    @Override
    public Health health() {
        return new Health(true, true, "broker up, database up");
    }

    /** What the next reconcile refunds. */
    public final List<Long> paidButUnfinished = new ArrayList<>();

    @Override
    public List<Long> reconcile() {
        calls.add("reconcile");
        maybeFail();
        List<Long> refunded = new ArrayList<>(paidButUnfinished);
        paidButUnfinished.clear();
        return refunded;
    }

    @Override
    public Runnable onStatusChange(Consumer<OrderStatusChanged> listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    @Override
    public Runnable onPipeline(Consumer<LagSnapshot> listener) {
        return () -> { };
    }

    @Override
    public String describe() {
        return "recording client";
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
