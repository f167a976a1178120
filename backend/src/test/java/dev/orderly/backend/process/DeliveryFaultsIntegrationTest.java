package dev.orderly.backend.process;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.payment.GatewaySettings;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.support.PipelineProbe;
import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.Ledger;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries gone wrong: records of the wrong shape, the whole group rewound to re-read what it already processed, a
 * rebalance while a slow payment is in flight, two consumers processing the same event at the same moment, and a
 * slow consumer. Each ends with one effect per order and the invariant checker green.
 */
@IntegrationTest
class DeliveryFaultsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

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
    ProcessingAttemptRepository attempts;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    OrderProcessor processor;

    @Autowired
    ProcessingCommits commits;

    @Autowired
    InvariantChecker invariants;

    ApiClient api;
    GatewaySettings original;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        original = gateway.settings();
    }

    @AfterEach
    void restore() {
        gateway.updateSettings(original);
        api.delete(STAFF, "/api/admin/faults");
    }

    private void slowGateway(Duration latency) {
        gateway.updateSettings(new GatewaySettings(original.preset(), latency, latency, 0.0, 0.0,
            original.declineSuffix()));
    }

    private List<LedgerEntry> ledgerOf(long orderId) {
        return Ledger.of(gateway, orderId);
    }

    private long paidOrder() {
        long orderId = api.createOrder(ALICE);
        assertThat(api.pay(ALICE, orderId, "4111111111111111", true).status()).isEqualTo(202);
        return orderId;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"orderId\":\"not-a-number\",\"eventId\":\"e-1\"}",
        "{\"hello\":\"world\"}",
        "[1,2,3]",
        "{\"eventId\":\"e-2\",\"orderId\":5,\"userEmail\":\"alice@example.com\",\"request\":null,\"retryCount\":0}",
        "\"just a string\""})
    void recordsOfTheWrongSchemaAreDeadLetteredWithTheReasonAndLaterOrdersComplete(String wrong) throws Exception {
        String value = wrong.replace("}", ",\"nonce\":\"" + System.nanoTime() + "\"}");
        kafka.send(KafkaTopics.PROCESSING, "5", value).get(10, TimeUnit.SECONDS);
        long orderId = paidOrder();

        ConsumerRecord<String, String> dead = PipelineProbe.awaitDeadLetter(kafkaAdmin, value, WAIT);
        assertThat(PipelineProbe.header(dead, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(PipelineProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(KafkaTopics.PROCESSING);
        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
    }

    @Test
    void rewindingTheGroupsOffsetsRedeliversEverythingAndChangesNothing() throws Exception {
        // Where the topic ends now: the rewind goes back to here, so exactly this test's records are read again.
        Map<TopicPartition, OffsetAndMetadata> before = new HashMap<>();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(KafkaTopics.PROCESSING, partition), OffsetSpec.latest());
            }
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> before.put(tp, new OffsetAndMetadata(info.offset())));
        }
        List<Long> orders = List.of(paidOrder(), paidOrder(), paidOrder());
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> api.status(ALICE, o).equals("COMPLETED")));
        Map<Long, Integer> historyBefore = new HashMap<>();
        for (long order : orders) {
            historyBefore.put(order, api.order(ALICE, order).get("timeline").size());
        }

        MessageListenerContainer container = listeners.getListenerContainer("order-processing");
        container.stop();
        try (Admin admin = admin()) {
            // The group must be empty to be rewound, as with kafka-consumer-groups --reset-offsets.
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(KafkaTopics.PROCESSING_GROUP, before).all().get(5, TimeUnit.SECONDS);
                return true;
            });
        } finally {
            container.start();
        }

        for (long order : orders) {
            await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(order, TimelineKind.DUPLICATE_SKIPPED)
                >= 1);
            assertThat(attempts.countByOrderIdAndKind(order, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
            assertThat(api.status(ALICE, order)).isEqualTo("COMPLETED");
            assertThat(ledgerOf(order)).extracting(LedgerEntry::state).containsExactly(LedgerState.CAPTURED);
            // The only new timeline entries are the skipped duplicates.
            assertThat(api.order(ALICE, order).get("timeline").size()).isEqualTo(historyBefore.get(order)
                + (int) attempts.countByOrderIdAndKind(order, TimelineKind.DUPLICATE_SKIPPED));
        }
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    @Test
    void aRebalanceWhileAPaymentIsInFlightRedeliversItAndItTakesEffectOnce() {
        // The redelivered copy waits behind the first (one order at a time), then is skipped.
        // Long enough that the rebalance surely lands mid-payment: each consumer joins it on its next poll, and an
        // idle consumer's poll lasts up to 5 s.
        slowGateway(Duration.ofSeconds(9));
        long orderId = paidOrder();
        await().atMost(WAIT).until(() -> gateway.authorizationsInFlight() >= 1);

        listeners.getListenerContainer("order-processing").enforceRebalance();

        await().atMost(WAIT).until(() -> api.status(ALICE, orderId).equals("COMPLETED"));
        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(orderId, TimelineKind.DUPLICATE_SKIPPED)
            >= 1);
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(orderId)).extracting(LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED));
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    @Test
    void twoConsumersProcessingTheSameEventAtTheSameMomentTakeEffectOnce() throws Exception {
        slowGateway(Duration.ofMillis(300));
        long orderId = api.createOrder(ALICE);
        OrderProcessingEvent event = OrderProcessingEvent.create(orderId, ALICE, PipelineProbe.instructions(true));
        // As two backends would, past the one-order-at-a-time guard of a single process: only the database's
        // row lock and the inbox stand between them.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Outcome> delivery = () -> processor.process(event,
                new RecordOrigin(KafkaTopics.PROCESSING, 0, 0));
            List<Future<Outcome>> outcomes = new ArrayList<>();
            // Both reach the commit writer at once (as they may under load): it must not put them in one batch,
            // or the second's failure rolls the first back with it and its compensation voids their shared charge.
            try (AutoCloseable held = commits.hold()) {
                outcomes.add(two.submit(delivery));
                outcomes.add(two.submit(delivery));
                await().atMost(WAIT).until(() -> commits.queued() == 2);
            }
            List<Class<?>> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS).getClass());
            }
            assertThat(results).containsExactlyInAnyOrder(Outcome.Processed.class, Outcome.Duplicate.class);
        } finally {
            two.shutdownNow();
        }
        assertThat(api.status(ALICE, orderId)).isEqualTo("COMPLETED");
        assertThat(attempts.countByOrderIdAndKind(orderId, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(orderId)).extracting(LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED));
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    @Test
    void aSlowConsumerLetsOrdersWaitAndStillCompletesThem() {
        api.post(STAFF, "/api/admin/faults", "{\"fault\":\"SLOW_CONSUMER\",\"times\":3}");
        List<Long> orders = List.of(paidOrder(), paidOrder(), paidOrder());

        // The lag monitor sees them waiting while the consumer is slow ...
        await().atMost(WAIT).until(() -> api.get(STAFF, "/api/pipeline/lag").data().get("pendingPayment").asLong()
            >= 1);
        // ... and they complete once it has worked through them.
        await().atMost(WAIT).until(() -> orders.stream().allMatch(o -> api.status(ALICE, o).equals("COMPLETED")));
        assertThat(api.get(STAFF, "/api/admin/faults").data().size()).isZero();
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            PipelineProbe.bootstrapServers(kafkaAdmin)));
    }

    /**
     * The trainer's "decline the next N payments": each declined order ends its attempt with the decline on its
     * timeline, stays PENDING_PAYMENT, holds nothing at the gateway, and can be paid again; the fault counts down.
     */
    @Test
    void aTrainersDeclineEndsThePaymentWithNothingChargedAndTheOrderCanBePaidAgain() {
        assertThat(api.post(STAFF, "/api/admin/faults", "{\"fault\":\"PAYMENT_DECLINED\",\"times\":2}").status())
            .isEqualTo(200);
        List<Long> declined = List.of(paidOrder(), paidOrder());
        for (long orderId : declined) {
            await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(orderId, TimelineKind.ATTEMPT_FAILED)
                == 1);
            assertThat(api.order(ALICE, orderId).get("timeline").toString()).contains("payment declined");
            assertThat(api.status(ALICE, orderId)).isEqualTo("PENDING_PAYMENT");
            assertThat(ledgerOf(orderId)).isEmpty();
        }
        assertThat(api.get(STAFF, "/api/admin/faults").data().has("PAYMENT_DECLINED")).isFalse();
        long next = paidOrder();
        await().atMost(WAIT).until(() -> api.status(ALICE, next).equals("COMPLETED"));

        long again = declined.get(0);
        assertThat(api.pay(ALICE, again, "4111111111111111", true).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.status(ALICE, again).equals("COMPLETED"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(again)).extracting(LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED));
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    @Test
    void aTrainersDuplicateDeliveryIsSkippedAndAPoisonRecordIsDeadLettered() throws Exception {
        api.post(STAFF, "/api/admin/faults", "{\"fault\":\"DUPLICATE_DELIVERY\",\"times\":1}");
        long duplicated = paidOrder();
        await().atMost(WAIT).until(() -> attempts.countByOrderIdAndKind(duplicated, TimelineKind.DUPLICATE_SKIPPED)
            == 1);
        assertThat(attempts.countByOrderIdAndKind(duplicated, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(duplicated)).extracting(LedgerEntry::state)
            .containsExactly(LedgerState.CAPTURED));

        api.post(STAFF, "/api/admin/faults", "{\"fault\":\"POISON_RECORD\",\"times\":1}");
        long afterPoison = paidOrder();
        ConsumerRecord<String, String> dead = PipelineProbe.awaitDeadLetter(kafkaAdmin,
            "{\"poison\": \"injected by a trainer before order " + afterPoison + "\"", WAIT);
        assertThat(PipelineProbe.header(dead, "kafka_dlt-exception-message")).contains("not a valid");
        await().atMost(WAIT).until(() -> api.status(ALICE, afterPoison).equals("COMPLETED"));
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    @Test
    void aFlakyGatewayUnderAStreamOfOrdersEndsWithEveryOrderCompletedOrDeadLetteredAndTheLedgerAgreeing() {
        gateway.updateSettings(original.withRates(0.2, 0.1));
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(paidOrder());
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (long order : orders) {
                boolean completed = api.status(ALICE, order).equals("COMPLETED");
                boolean deadLettered = attempts.countByOrderIdAndKind(order, TimelineKind.DEAD_LETTERED) == 1;
                assertThat(completed || deadLettered).as("order %d finished one way or the other", order).isTrue();
            }
        });
        gateway.updateSettings(original);
        long retried = orders.stream().mapToLong(o -> attempts.countByOrderIdAndKind(o, TimelineKind.RETRY_SCHEDULED))
            .sum();
        assertThat(retried).as("retries with 30% of calls failing").isPositive();
        for (long order : orders) {
            if (api.status(ALICE, order).equals("COMPLETED")) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerOf(order)).extracting(LedgerEntry::state)
                    .containsOnlyOnce(LedgerState.CAPTURED).doesNotContain(LedgerState.AUTHORIZED));
            } else {
                assertThat(ledgerOf(order)).extracting(LedgerEntry::state).doesNotContain(LedgerState.CAPTURED,
                    LedgerState.AUTHORIZED);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(invariants.check().ok()).isTrue());
    }
}
