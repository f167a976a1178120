package dev.orderly.backend.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.process.Outcome.DeadLetter;
import dev.orderly.backend.process.Outcome.Duplicate;
import dev.orderly.backend.process.Outcome.Processed;
import dev.orderly.backend.process.Outcome.Retry;
import dev.orderly.backend.support.PipelineProbe;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutcomeRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOPIC = "order-processing-topic";

    private final Machinery machinery = new Machinery(10, 2);
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        machinery.close();
    }

    private Delivery delivery(long offset, OrderProcessingEvent event) throws InterruptedException {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset, "7", "{}");
        return new Delivery(record, machinery.gate.open(record, () -> acknowledged.add(offset)), event);
    }

    private static OrderProcessingEvent event(int retryCount) {
        OrderProcessingEvent first = OrderProcessingEvent.create(7L, "alice@example.com",
            PipelineProbe.instructions(true));
        OrderProcessingEvent event = first;
        for (int i = 0; i < retryCount; i++) {
            event = event.nextRetry();
        }
        return event;
    }

    @Test
    void anUnreadableRecordWhoseDeadLetterPublishFailsStillReachesTheTopicAndThePartitionMovesOn()
        throws Exception {
        // The defect this guards against: a failed dead-letter publish left its slot unfinished, so one in-flight
        // permit leaked and the partition's offset never passed the record.
        machinery.deadLetterFailures.set(2);
        ProcessingListeners listeners = new ProcessingListeners(null, null, machinery.router, machinery.workers,
            machinery.gate, new EventJson(JsonMapper.builder().build()));
        for (long offset = 0; offset < 3; offset++) {
            long o = offset;
            listeners.onOrderProcessingEvent(new ConsumerRecord<>(TOPIC, 0, o, "not-an-order", "{bad json"),
                () -> acknowledged.add(o));
        }

        await().atMost(WAIT).until(() -> acknowledged.contains(2L));
        assertThat(machinery.deadLetters).extracting(Machinery.Published::offset)
            .containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(machinery.deadLetters).allSatisfy(p -> assertThat(p.reason()).contains("not a valid"));
        assertThat(machinery.gate.inFlight()).isZero();
    }

    @Test
    void aRetryWithBudgetLeftGoesToTheRetryTopicAndIsOnTheTimeline() throws Exception {
        Delivery delivery = delivery(0, event(0));
        machinery.router.route(delivery, () -> new Retry("payment gateway: down", null));

        assertThat(machinery.retried).containsExactly(0L);
        assertThat(machinery.deadLetters).isEmpty();
        assertThat(machinery.timeline).containsExactly(TimelineKind.RETRY_SCHEDULED);
        assertThat(acknowledged).containsExactly(0L);
    }

    @Test
    void aRetryWithTheBudgetSpentIsDeadLetteredWithTheReason() throws Exception {
        Delivery delivery = delivery(0, event(2));
        machinery.router.route(delivery, () -> new Retry("payment gateway: down", null));

        assertThat(machinery.retried).isEmpty();
        assertThat(machinery.deadLetters).singleElement().satisfies(p ->
            assertThat(p.reason()).isEqualTo("gave up after 3 attempts: payment gateway: down"));
        assertThat(machinery.timeline).containsExactly(TimelineKind.DEAD_LETTERED);
        assertThat(acknowledged).containsExactly(0L);
    }

    @Test
    void aRetryPublishThatFailsIsTriedAgainUntilTheBrokerTakesIt() throws Exception {
        machinery.retryFailures.set(2);
        Delivery delivery = delivery(0, event(0));
        machinery.router.route(delivery, () -> new Retry("lock timeout", null));

        assertThat(machinery.retried).containsExactly(0L);
        assertThat(acknowledged).containsExactly(0L);
        assertThat(machinery.gate.inFlight()).isZero();
    }

    @Test
    void processedDuplicateAndThrowingWorkAreAllFinishedOnce() throws Exception {
        machinery.router.route(delivery(0, event(0)), () -> new Processed(OrderStatus.COMPLETED));
        machinery.router.route(delivery(1, event(0)), () -> new Duplicate(NoteCode.ORDER_MOVED_ON.with("COMPLETED")));
        machinery.router.route(delivery(2, event(0)), () -> {
            throw new IllegalStateException("database unreachable");
        });
        machinery.router.route(delivery(3, event(0)), () -> new DeadLetter("order 7 does not exist", null));

        assertThat(acknowledged).containsExactly(0L, 1L, 2L, 3L);
        assertThat(machinery.retried).containsExactly(2L);
        assertThat(machinery.deadLetters).extracting(Machinery.Published::offset).containsExactly(3L);
        assertThat(machinery.gate.inFlight()).isZero();
    }

    @Test
    void atShutdownAnUnpublishableOutcomeIsAbandonedUnacknowledgedAndGivesItsPermitBack() throws Exception {
        machinery.deadLetterFailures.set(Integer.MAX_VALUE);
        Delivery delivery = delivery(0, event(0));
        machinery.workers.stop();
        machinery.router.route(delivery, () -> new DeadLetter("order 7 does not exist", null));

        assertThat(acknowledged).isEmpty();
        assertThat(machinery.deadLetters).isEmpty();
        assertThat(machinery.gate.inFlight()).isZero();
    }

    @Test
    void anInterruptedDeliveryIsAbandonedUnacknowledged() throws Exception {
        Delivery delivery = delivery(0, event(0));
        machinery.router.route(delivery, () -> {
            throw new InterruptedException("shutdown");
        });

        assertThat(Thread.interrupted()).isTrue();
        assertThat(acknowledged).isEmpty();
        assertThat(machinery.gate.inFlight()).isZero();
    }
}
