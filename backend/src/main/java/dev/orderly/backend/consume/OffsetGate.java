package dev.orderly.backend.consume;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Lets records of one partition finish in any order while the committed offset only ever moves up to the lowest
 * record still unfinished: each record gets a slot in its partition's queue; when the slots at the head are done,
 * the last of them is acknowledged, which commits everything before it. A crash therefore re-delivers exactly the
 * unfinished records and those after them, never fewer.
 *
 * <p>It also bounds the work in flight: {@link #open} blocks the consumer thread while {@code maxInFlight} records
 * are unfinished, so a slow payment gateway slows consumption instead of filling memory. Unlike Spring Kafka's
 * {@code asyncAcks}, the consumer keeps polling while earlier records are still in flight.
 */
final class OffsetGate implements ConsumerAwareRebalanceListener {

    /** One record's place in its partition's queue. */
    static final class Slot {

        private final ArrayDeque<Slot> queue;
        private final Acknowledgment ack;
        private boolean done;
        private boolean finished;

        private Slot(ArrayDeque<Slot> queue, Acknowledgment ack) {
            this.queue = queue;
            this.ack = ack;
        }
    }

    private final Map<TopicPartition, ArrayDeque<Slot>> queues = new HashMap<>();
    private final Semaphore permits;
    private final int maxInFlight;

    OffsetGate(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    /** Takes a slot for a record just received (in partition order), waiting while too many are in flight. */
    Slot open(ConsumerRecord<?, ?> record, Acknowledgment ack) throws InterruptedException {
        permits.acquire();
        synchronized (this) {
            ArrayDeque<Slot> queue = queues.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                tp -> new ArrayDeque<>());
            Slot slot = new Slot(queue, ack);
            queue.addLast(slot);
            return slot;
        }
    }

    /**
     * The record's outcome is durable: acknowledges up to the first record of its partition still unfinished.
     * Finishing a slot a second time (done or abandoned) changes nothing.
     */
    void done(Slot slot) {
        synchronized (this) {
            if (slot.finished) {
                return;
            }
            slot.finished = true;
            slot.done = true;
            Acknowledgment last = null;
            while (!slot.queue.isEmpty() && slot.queue.peekFirst().done) {
                last = slot.queue.pollFirst().ack;
            }
            if (last != null && queues.containsValue(slot.queue)) {
                // Inside the lock, so two threads never acknowledge one partition out of order; the container
                // only queues the acknowledgement for its consumer thread.
                last.acknowledge();
            }
        }
        permits.release();
    }

    /**
     * The record could not be finished (shutdown): it stays unacknowledged and holds back its partition's offset,
     * so it and everything after it come back on the next start, where the duplicate check sorts them out. Its
     * in-flight permit is given back. Abandoning a finished slot changes nothing.
     */
    void abandon(Slot slot) {
        synchronized (this) {
            if (slot.finished) {
                return;
            }
            slot.finished = true;
        }
        permits.release();
    }

    /** Records taken and not yet finished, in all partitions. */
    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    @Override
    public synchronized void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer,
        Collection<TopicPartition> partitions) {
        // Whoever gets these partitions reads again from the committed offset; late outcomes of records still in
        // flight here must not acknowledge on their behalf.
        partitions.forEach(queues::remove);
    }

    @Override
    public synchronized void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(queues::remove);
    }
}
