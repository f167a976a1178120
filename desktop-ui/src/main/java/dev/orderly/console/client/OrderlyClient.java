package dev.orderly.console.client;

import dev.orderly.api.ApiCallException;
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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the console asks of the backend. Two implementations, in-process ({@link InProcessClient}: the
 * backend in this JVM) and remote ({@link RemoteClient}: attached to one elsewhere); both talk HTTP and STOMP, the
 * in-process one over loopback, so every screen works the same in both modes. Calls block: view-models run them
 * off the FX thread.
 *
 * @see ApiCallException for failures the backend answered with an error envelope
 */
public interface OrderlyClient extends AutoCloseable {

    /** Checks the credentials and keeps them for every later call. */
    UserView signIn(String email, String password);

    long createOrder(CreateOrderRequest request);

    /**
     * {@link #createOrder(CreateOrderRequest)} under an {@code Idempotency-Key}: sent again with the same key (a retry
     * after a lost answer), the backend answers as it did the first time and creates nothing more.
     */
    default long createOrder(CreateOrderRequest request, String idempotencyKey) {
        return createOrder(request);
    }

    /**
     * Sends an order for processing; returns the event id the backend accepted, or "" when the backend runs the
     * seed's synchronous mode and answered with the finished order.
     */
    String pay(long orderId, PayAndShipmentRequest request);

    /** {@link #pay(long, PayAndShipmentRequest)} under an {@code Idempotency-Key} (see {@link #createOrder}). */
    default String pay(long orderId, PayAndShipmentRequest request, String idempotencyKey) {
        return pay(orderId, request);
    }

    PageView<OrderSummary> orders(OrderStatus status, String email, int page, int size);

    OrderView order(long orderId);

    Map<OrderStatus, Long> counts();

    void transition(long orderId, OrderStatus target);

    void cancel(long orderId);

    void requestRefund(long orderId);

    void completeRefund(long orderId);

    LagSnapshot lag();

    List<DeadLetterView> deadLetters();

    List<RedriveOutcome> previewRedrive(List<RecordRef> records);

    List<RedriveOutcome> redrive(List<RecordRef> records);

    /** Every topic on the connected Kafka cluster (staff). */
    List<KafkaTopicView> kafkaTopics();

    /** A page of one topic's records (staff). */
    KafkaRecordPage kafkaRecords(String topic, RecordQuery query);

    /** The order followed across the pipeline's topics, beside its timeline (staff). */
    OrderTrailView followOrder(long orderId);

    /** What moving a consumer group's offsets would do; changes nothing (staff). */
    OffsetResetPlan previewOffsetReset(String group, OffsetResetRequest request);

    /** Moves a consumer group's offsets; refused (409) while the group has live members (staff). */
    OffsetResetPlan resetOffsets(String group, OffsetResetRequest request);

    GatewaySettingsView gatewaySettings();

    GatewaySettingsView updateGatewaySettings(GatewaySettingsView settings);

    /** The invariant checker's report (staff). */
    InvariantReport invariants();

    /** Faults armed now and how many more times each strikes (staff). */
    Map<InjectableFault, Integer> armedFaults();

    /** Arms a fault for the next {@code times} orders that reach it (staff). */
    void armFault(InjectableFault fault, int times);

    void disarmFaults();

    /** Stops the embedded broker for {@code seconds} (staff; refused with an external cluster). */
    void brokerOutage(int seconds);

    /** Whether the attached backend's order consumers run (staff). */
    boolean consumersRunning();

    /**
     * Stops or starts the attached backend's order consumers (staff): stopped, it leaves the consumer group and the
     * other backends take its partitions. Returns whether they run now.
     */
    boolean runConsumers(boolean running);

    /** How the backend processes payments now: through Kafka, or the seed's synchronous "before" (staff). */
    ProcessingMode processingMode();

    /** Switches the processing mode (staff); returns the mode in force. */
    ProcessingMode switchProcessingMode(ProcessingMode mode);

    /**
     * Refunds every order the payment-only teaching mode left paid and unfinished (staff); returns their ids (empty
     * when there was nothing to repair).
     */
    List<Long> reconcile();

    /** The newest {@code limit} entries of the audit trail, newest first (staff). */
    List<AuditEntry> audit(int limit);

    /** The settings every console attached to the backend shares, with who changed each last (staff). */
    SharedSettingsView sharedSettings();

    /** Time in state and the stuck orders, with the backend's threshold (staff). */
    StuckOrders stuckOrders();

    /** The same with its own threshold: orders accepted more than {@code olderThanSeconds} ago, still unprocessed. */
    default StuckOrders stuckOrders(long olderThanSeconds) {
        return stuckOrders();
    }

    /** Broker and database health as the backend's actuator reports it. */
    Health health();

    /** Subscribes to committed status changes; the returned handle unsubscribes. */
    Runnable onStatusChange(Consumer<OrderStatusChanged> listener);

    /** Subscribes to pipeline snapshots (about one a second); the returned handle unsubscribes. */
    Runnable onPipeline(Consumer<LagSnapshot> listener);

    /** "in-process, http://127.0.0.1:8080 (HTTP + STOMP on loopback)" or "attached to http://host:8080". */
    String describe();

    @Override
    void close();

    /** Health of the two parts the pipeline cannot run without. */
    /** The backend's health; {@code database} is the product behind it ("H2", "PostgreSQL"). */
    record Health(boolean brokerUp, boolean databaseUp, String detail, String database) {

        public Health(boolean brokerUp, boolean databaseUp, String detail) {
            this(brokerUp, databaseUp, detail, "Database");
        }
    }
}
