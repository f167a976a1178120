package dev.orderly.backend.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetGateTest {

    private static final String TOPIC = "order-processing-topic";

    private final OffsetGate gate = new OffsetGate(3);
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    private OffsetGate.Slot open(int partition, long offset) throws InterruptedException {
        return gate.open(new ConsumerRecord<>(TOPIC, partition, offset, "k", "v"),
            () -> acknowledged.add(partition + "@" + offset));
    }

    @Test
    void recordsFinishingOutOfOrderAcknowledgeOnlyUpToTheLowestUnfinishedOne() throws Exception {
        OffsetGate.Slot first = open(0, 10);
        OffsetGate.Slot second = open(0, 11);
        OffsetGate.Slot third = open(0, 12);

        gate.done(third);
        gate.done(second);
        assertThat(acknowledged).isEmpty();

        gate.done(first);
        // One acknowledgement of the highest finished record commits all three.
        assertThat(acknowledged).containsExactly("0@12");
    }

    @Test
    void partitionsAreGatedIndependently() throws Exception {
        OffsetGate.Slot stuck = open(0, 5);
        OffsetGate.Slot other = open(1, 5);

        gate.done(other);

        assertThat(acknowledged).containsExactly("1@5");
        gate.done(stuck);
        assertThat(acknowledged).containsExactly("1@5", "0@5");
    }

    @Test
    void anAbandonedRecordHoldsItsPartitionBackButGivesItsPermitBack() throws Exception {
        OffsetGate.Slot abandoned = open(0, 1);
        OffsetGate.Slot later = open(0, 2);

        gate.abandon(abandoned);
        gate.done(later);

        assertThat(acknowledged).isEmpty();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void finishingASlotTwiceChangesNothing() throws Exception {
        OffsetGate.Slot slot = open(0, 1);
        gate.done(slot);
        gate.done(slot);
        gate.abandon(slot);

        assertThat(acknowledged).containsExactly("0@1");
        assertThat(gate.inFlight()).isZero();
        // Had the permit been given back three times, four records could now be in flight at once.
        open(0, 2);
        open(0, 3);
        open(0, 4);
        assertThat(gate.inFlight()).isEqualTo(3);
    }

    @Test
    void theConsumerWaitsWhileTooManyRecordsAreInFlightAndGoesOnWhenOneFinishes() throws Exception {
        OffsetGate.Slot first = open(0, 1);
        open(0, 2);
        open(0, 3);

        CompletableFuture<OffsetGate.Slot> fourth = CompletableFuture.supplyAsync(() -> {
            try {
                return open(0, 4);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !fourth.isDone());

        gate.done(first);
        await().atMost(Duration.ofSeconds(5)).until(fourth::isDone);
        assertThat(acknowledged).containsExactly("0@1");
    }

    @Test
    void afterARebalanceLateOutcomesDoNotAcknowledgeForTheNewOwner() throws Exception {
        OffsetGate.Slot inFlight = open(0, 7);
        gate.onPartitionsRevokedBeforeCommit(null, List.of(new TopicPartition(TOPIC, 0)));

        gate.done(inFlight);

        assertThat(acknowledged).isEmpty();
        assertThat(gate.inFlight()).isZero();
    }
}
