package dev.orderly.backend.processing;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.shipment.ShipmentRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.Ledger;
import dev.orderly.backend.support.PipelineProbe;
import dev.orderly.backend.warehouse.WarehouseStorageRepository;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.ProcessingInstructions;
import dev.orderly.model.ShipmentRequest;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class OrderPipelineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    JsonMapper json;

    @Autowired
    SimulatedPaymentGateway gateway;

    @Autowired
    PaymentRepository payments;

    @Autowired
    ShipmentRepository shipments;

    @Autowired
    WarehouseStorageRepository storage;

    @Autowired
    ProcessingAttemptRepository attempts;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        gateway.updateSettings(gateway.settings().withRates(0.0, 0.0));
    }

    private List<LedgerEntry> ledgerOf(long orderId) {
        return Ledger.of(gateway, orderId);
    }

    private List<TimelineKind> timelineKinds(long orderId) {
        List<TimelineKind> kinds = new ArrayList<>();
        for (JsonNode entry : api.order(ALICE, orderId).get("timeline")) {
            kinds.add(TimelineKind.valueOf(entry.get("kind").asString()));
        }
        return kinds;
    }

    @Test
    void warehouseOrderIsAcceptedAtOnceAndReachesCompletedWithEverythingCommittedAndCaptured() {
        long orderId = api.createOrder(ALICE);
        ApiClient.Answer accepted = api.pay(ALICE, orderId, "4111111111111111", true);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.data().get("status").asString()).isEqualTo("PROCESSING");
        assertThat(accepted.data().get("websocketTopic").asString()).isEqualTo("/topic/order/" + orderId);
        assertThat(accepted.data().get("statusCheckUrl").asString()).isEqualTo("/api/orders/" + orderId + "/status");

        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        await().atMost(WAIT).until(() -> payments.findByOrderId(orderId).orElseThrow().getState().name()
            .equals("CAPTURED"));
        assertThat(shipments.findByOrderId(orderId)).isPresent();
        assertThat(storage.existsByOrderId(orderId)).isTrue();
        assertThat(ledgerOf(orderId)).singleElement().extracting(LedgerEntry::state).isEqualTo(LedgerState.CAPTURED);

        JsonNode order = api.order(ALICE, orderId);
        assertThat(order.get("payment").get("cardLast4").asString()).isEqualTo("1111");
        assertThat(order.toString()).doesNotContain("4111111111111111");
        List<String> path = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (JsonNode entry : order.get("timeline")) {
            if (entry.get("kind").asString().equals("STATUS_CHANGE")) {
                path.add(entry.get("to").asString());
                reasons.add(entry.get("note").get("code").asString());
            }
            if (entry.get("kind").asString().equals("ACCEPTED")) {
                assertThat(entry.get("topic").asString()).isEqualTo(KafkaTopics.PROCESSING);
                assertThat(entry.get("offset").isNumber()).isTrue();
            }
        }
        assertThat(path).containsExactly("CREATED", "PENDING_PAYMENT", "PAYMENT_COMPLETED", "IN_WAREHOUSE",
            "COMPLETED");
        // Each reason also by its stable code, for a console in another language (the test client checks each
        // note's values and that its English is the entry's detail).
        assertThat(reasons).containsExactly("ORDER_CREATED", "AWAITING_PAYMENT", "PAYMENT_AUTHORISED", "STORED_AT",
            "HELD_FOR_PICKUP");
    }

    @Test
    void shippingOrderStopsAtPreparing() {
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", false).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("PREPARING"));
        assertThat(storage.existsByOrderId(orderId)).isFalse();
        assertThat(shipments.findByOrderId(orderId)).isPresent();
    }

    @Test
    void declinedCardCommitsNothingButTheFailedAttempt() {
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4000000000000002", true).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> timelineKinds(orderId).contains(TimelineKind.ATTEMPT_FAILED));
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
        assertThat(payments.findByOrderId(orderId)).isEmpty();
        assertThat(shipments.findByOrderId(orderId)).isEmpty();
        assertThat(storage.existsByOrderId(orderId)).isFalse();
        assertThat(timelineKinds(orderId)).doesNotContain(TimelineKind.RETRY_SCHEDULED);
        assertThat(ledgerOf(orderId)).singleElement().extracting(LedgerEntry::state).isEqualTo(LedgerState.DECLINED);

        // The customer may pay again with another card.
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
    }

    @Test
    void theSameEventDeliveredThreeTimesIsProcessedOnceAndChargedOnce() throws Exception {
        long orderId = api.createOrder(ALICE);
        OrderProcessingEvent event = OrderProcessingEvent.create(orderId, ALICE, instructions(false));
        String value = json.writeValueAsString(event);
        for (int i = 0; i < 3; i++) {
            kafka.send(KafkaTopics.PROCESSING, String.valueOf(orderId), value).get(10, TimeUnit.SECONDS);
        }

        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(orderId, TimelineKind.DUPLICATE_SKIPPED)
            == 2);
        assertThat(api.status(ALICE, orderId)).isEqualTo("PREPARING");
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
        assertThat(payments.findByOrderId(orderId)).isPresent();
        assertThat(shipments.findByOrderId(orderId)).isPresent();
        await().atMost(WAIT).until(() -> ledgerOf(orderId).stream()
            .allMatch(e -> e.state() == LedgerState.CAPTURED));
        assertThat(ledgerOf(orderId)).hasSize(1);
        long statusChanges = 0;
        for (JsonNode entry : api.order(ALICE, orderId).get("timeline")) {
            if (entry.get("kind").asString().equals("STATUS_CHANGE")
                && entry.get("to").asString().equals("PAYMENT_COMPLETED")) {
                statusChanges++;
            }
        }
        assertThat(statusChanges).isEqualTo(1);
    }

    @Test
    void garbageRecordGoesToTheDeadLetterTopicAndTheNextOrderStillCompletes() throws Exception {
        String garbage = "{not json at all " + UUID.randomUUID();
        kafka.send(KafkaTopics.PROCESSING, "garbage", garbage).get(10, TimeUnit.SECONDS);
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);

        ConsumerRecord<String, String> dead = awaitDeadLetter(garbage);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(KafkaTopics.PROCESSING);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a valid OrderProcessingEvent");
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
    }

    @Test
    void eventForAnUnknownOrderIsDeadLetteredWithTheReason() throws Exception {
        OrderProcessingEvent event = OrderProcessingEvent.create(987_654_321L, ALICE, instructions(true));
        String value = json.writeValueAsString(event);
        kafka.send(KafkaTopics.PROCESSING, "987654321", value).get(10, TimeUnit.SECONDS);

        ConsumerRecord<String, String> dead = awaitDeadLetter(value);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("order 987654321 does not exist");
    }

    @Test
    void eventWithTheWrongAmountIsDeadLetteredAndTheOrderTimelineSaysSo() throws Exception {
        long orderId = api.createOrder(ALICE);
        // The order costs 25.00; the event pays 24.99.
        OrderProcessingEvent event = OrderProcessingEvent.create(orderId, ALICE, PipelineProbe.instructions(true,
            new BigDecimal("24.99")));
        String value = json.writeValueAsString(event);
        kafka.send(KafkaTopics.PROCESSING, String.valueOf(orderId), value).get(10, TimeUnit.SECONDS);

        ConsumerRecord<String, String> dead = awaitDeadLetter(value);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("differs from the order total");
        await().atMost(WAIT).until(() -> timelineKinds(orderId).contains(TimelineKind.DEAD_LETTERED));
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void gatewayErrorsAreRetriedThenDeadLetteredAndNothingIsCharged() {
        gateway.updateSettings(gateway.settings().withRates(1.0, 0.0));
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> timelineKinds(orderId).contains(TimelineKind.DEAD_LETTERED));
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.RETRY_SCHEDULED)).isEqualTo(2);
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
        assertThat(payments.findByOrderId(orderId)).isEmpty();
        assertThat(ledgerOf(orderId)).isEmpty();
    }

    @Test
    void authorisationsOfRolledBackTransactionsAreVoided() throws Exception {
        // The gateway authorises, then the shipment insert fails in the database (recipient too long for its
        // column): the transaction rolls back on every attempt, and every authorisation must be voided.
        long orderId = api.createOrder(ALICE);
        ShipmentRequest tooLong = new ShipmentRequest("x".repeat(150), "010-1234-5678", "1 Main St", "04524");
        ProcessingInstructions bad = new ProcessingInstructions(PaymentMethod.CARD, "tok_test", "1111",
            new BigDecimal("25.00"), tooLong, true);
        OrderProcessingEvent event = OrderProcessingEvent.create(orderId, ALICE, bad);
        kafka.send(KafkaTopics.PROCESSING, String.valueOf(orderId), json.writeValueAsString(event))
            .get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> timelineKinds(orderId).contains(TimelineKind.DEAD_LETTERED));
        assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
        assertThat(payments.findByOrderId(orderId)).isEmpty();
        assertThat(ledgerOf(orderId)).hasSize(3).allMatch(e -> e.state() == LedgerState.VOIDED);
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.COMPENSATED)).isEqualTo(3);
    }

    @Test
    void gatewayTimeoutsLeaveNoUnvoidedAuthorisationBehind() {
        gateway.updateSettings(gateway.settings().withRates(0.0, 1.0));
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> timelineKinds(orderId).contains(TimelineKind.DEAD_LETTERED));
        assertThat(ledgerOf(orderId)).hasSize(3).allMatch(e -> e.state() == LedgerState.VOIDED);
        assertThat(payments.findByOrderId(orderId)).isEmpty();
    }

    private ProcessingInstructions instructions(boolean warehouse) {
        return PipelineProbe.instructions(warehouse);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String value) {
        return PipelineProbe.awaitDeadLetter(kafkaAdmin, value, WAIT);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return PipelineProbe.header(record, name);
    }
}
