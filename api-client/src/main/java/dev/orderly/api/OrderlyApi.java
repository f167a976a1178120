package dev.orderly.api;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusView;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.OrderTrailView;
import dev.orderly.model.OrderView;
import dev.orderly.model.PageView;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.RedriveOutcome;
import dev.orderly.model.RedriveRequest;
import dev.orderly.model.SessionView;
import dev.orderly.model.SharedSettingsView;
import dev.orderly.model.StuckOrders;
import dev.orderly.model.TransitionRequest;
import dev.orderly.model.UserView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import tools.jackson.databind.JsonNode;

/**
 * The backend's REST API as one typed interface: the console's remote mode, the bench and the backend's tests call
 * it through {@link OrderlyApiClient#connect}. Every answer is the API's envelope; a refusal (4xx, 5xx) or an
 * unreachable backend is an {@link ApiCallException} with the backend's sentence. The README's API table lists the
 * same endpoints (ReadmeApiTableTest checks both).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface OrderlyApi {

    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String AUTHORIZATION = "Authorization";

    /** What a create answers: the new order's id and where to watch it. */
    record CreatedOrder(long orderId, OrderStatus status, BigDecimal total, String statusCheckUrl) {
    }

    /** What a payment answers: the event now on the broker ({@code null} in the seed's synchronous mode). */
    record AcceptedPayment(long orderId, String eventId, String status, String message) {
    }

    /** This backend's order consumers: running or stopped. */
    record Consumers(String instance, boolean running) {
    }

    /** Start or stop the order consumers. */
    record RunConsumers(boolean running) {
    }

    /** Switch the processing mode. */
    record SwitchMode(ProcessingMode mode) {
    }

    /** Arm a fault for the next {@code times} times. */
    record ArmFault(InjectableFault fault, int times) {
    }

    /** Take the broker away for {@code seconds}. */
    record BrokerOutage(int seconds) {
    }

    /** The orders a reconcile refunded. */
    record Reconciled(List<Long> refunded) {
    }

    // Sessions

    /** Checks a password ({@code basic} is the "Basic ..." header) once and answers a session token. */
    @PostExchange("/api/session")
    ApiResponse<SessionView> openSession(@RequestHeader(AUTHORIZATION) String basic);

    /** Who is signed in; {@code authorization} overrides the client's own, or null for it. */
    @GetExchange("/api/me")
    ApiResponse<UserView> me(@RequestHeader(name = AUTHORIZATION, required = false) String authorization);

    // Orders

    @PostExchange("/api/orders")
    ApiResponse<CreatedOrder> createOrder(@RequestBody CreateOrderRequest request,
        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey);

    /** The 202: the payment's event is on the broker. */
    @PostExchange("/api/orders/{orderId}/process-payment-shipment")
    ApiResponse<AcceptedPayment> pay(@PathVariable long orderId, @RequestBody PayAndShipmentRequest request,
        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey);

    @GetExchange("/api/orders")
    ApiResponse<PageView<OrderSummary>> orders(@RequestParam(required = false) OrderStatus status,
        @RequestParam(required = false) String email, @RequestParam int page, @RequestParam int size);

    @GetExchange("/api/orders/{orderId}")
    ApiResponse<OrderView> order(@PathVariable long orderId);

    @GetExchange("/api/orders/{orderId}/status")
    ApiResponse<OrderStatusView> status(@PathVariable long orderId);

    @GetExchange("/api/orders/counts")
    ApiResponse<Map<OrderStatus, Long>> counts();

    @PostExchange("/api/orders/{orderId}/transitions")
    ApiResponse<OrderStatusView> transition(@PathVariable long orderId, @RequestBody TransitionRequest request);

    @PostExchange("/api/orders/{orderId}/cancel")
    ApiResponse<OrderStatusView> cancel(@PathVariable long orderId);

    @PostExchange("/api/orders/{orderId}/refund")
    ApiResponse<OrderStatusView> requestRefund(@PathVariable long orderId);

    @PostExchange("/api/orders/{orderId}/refund/complete")
    ApiResponse<OrderStatusView> completeRefund(@PathVariable long orderId);

    // The pipeline and Kafka

    @GetExchange("/api/pipeline/lag")
    ApiResponse<LagSnapshot> lag();

    @GetExchange("/api/admin/dead-letters")
    ApiResponse<List<DeadLetterView>> deadLetters(@RequestParam int limit);

    @PostExchange("/api/admin/dead-letters/preview")
    ApiResponse<List<RedriveOutcome>> previewRedrive(@RequestBody RedriveRequest request);

    @PostExchange("/api/admin/dead-letters/redrive")
    ApiResponse<List<RedriveOutcome>> redrive(@RequestBody RedriveRequest request);

    @GetExchange("/api/admin/kafka/topics")
    ApiResponse<List<KafkaTopicView>> kafkaTopics();

    /** A page of a topic's records; {@code query} holds from, order, partition, offset, timestamp, key, ... */
    @GetExchange("/api/admin/kafka/topics/{topic}/records")
    ApiResponse<KafkaRecordPage> kafkaRecords(@PathVariable String topic,
        @RequestParam MultiValueMap<String, String> query);

    @GetExchange("/api/admin/kafka/orders/{orderId}")
    ApiResponse<OrderTrailView> followOrder(@PathVariable long orderId);

    @PostExchange("/api/admin/kafka/groups/{group}/offsets/preview")
    ApiResponse<OffsetResetPlan> previewOffsetReset(@PathVariable String group,
        @RequestBody OffsetResetRequest request);

    @PostExchange("/api/admin/kafka/groups/{group}/offsets/reset")
    ApiResponse<OffsetResetPlan> resetOffsets(@PathVariable String group, @RequestBody OffsetResetRequest request);

    // Staff levers

    @GetExchange("/api/admin/consumers")
    ApiResponse<Consumers> consumers();

    @PutExchange("/api/admin/consumers")
    ApiResponse<Consumers> runConsumers(@RequestBody RunConsumers request);

    @GetExchange("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> processingMode();

    @PutExchange("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> switchProcessingMode(@RequestBody SwitchMode request);

    @GetExchange("/api/admin/gateway")
    ApiResponse<GatewaySettingsView> gatewaySettings();

    @PutExchange("/api/admin/gateway")
    ApiResponse<GatewaySettingsView> updateGatewaySettings(@RequestBody GatewaySettingsView settings);

    @GetExchange("/api/admin/faults")
    ApiResponse<Map<InjectableFault, Integer>> armedFaults();

    @PostExchange("/api/admin/faults")
    ApiResponse<Map<InjectableFault, Integer>> armFault(@RequestBody ArmFault request);

    @DeleteExchange("/api/admin/faults")
    ApiResponse<Map<InjectableFault, Integer>> disarmFaults();

    @PostExchange("/api/admin/faults/broker-outage")
    ApiResponse<JsonNode> brokerOutage(@RequestBody BrokerOutage request);

    @GetExchange("/api/admin/invariants")
    ApiResponse<InvariantReport> invariants();

    @PostExchange("/api/admin/reconcile")
    ApiResponse<Reconciled> reconcile();

    @GetExchange("/api/admin/audit")
    ApiResponse<List<AuditEntry>> audit(@RequestParam int limit);

    @GetExchange("/api/admin/shared-settings")
    ApiResponse<SharedSettingsView> sharedSettings();

    /** Orders waiting longer than {@code olderThanSeconds}, or the backend's own threshold when null. */
    @GetExchange("/api/admin/stuck-orders")
    ApiResponse<StuckOrders> stuckOrders(@RequestParam(required = false) Long olderThanSeconds);

    // Spring Boot's actuator (not the API's envelope)

    /** UP or DOWN and, for staff, each component's details; a 503 (DOWN) is an exception whose answer is this. */
    @GetExchange("/actuator/health")
    JsonNode health();

    /** One Micrometer metric, e.g. {@code jvm.memory.used} with {@code tag=area:heap}. */
    @GetExchange("/actuator/metrics/{name}")
    JsonNode metric(@PathVariable String name, @RequestParam(required = false) String tag);
}
