package dev.orderly.backend.consume;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.messaging.UnreadableRecordException;
import dev.orderly.backend.process.OrderProcessor;
import dev.orderly.backend.process.Outcome.DeadLetter;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.OrderProcessingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The two consumer groups of the pipeline, and the first hop of a record's path:
 * <ol>
 * <li>here, on the consumer thread: a slot in the {@link OffsetGate} (waits while too many records are in
 * flight), the record read as an event, and the work handed to {@link KeyedWorkers} (different orders in
 * parallel, one order never twice at once; a retry only once it is due, holding no thread meanwhile);</li>
 * <li>on a worker: {@link OrderProcessor} decides the {@link Outcome};</li>
 * <li>{@link OutcomeRouter} makes it durable and finishes the slot, whatever happens;</li>
 * <li>{@link OffsetGate} acknowledges the partition up to its lowest unfinished record.</li>
 * </ol>
 * Nothing is thrown back to the container: its error handler would seek and commit past records still in flight.
 */
@Component
class ProcessingListeners {

    private final OrderProcessor processor;
    private final RetryScheduler retries;
    private final OutcomeRouter router;
    private final KeyedWorkers workers;
    private final OffsetGate gate;
    private final EventJson json;

    ProcessingListeners(OrderProcessor processor, RetryScheduler retries, OutcomeRouter router, KeyedWorkers workers,
        OffsetGate gate, EventJson json) {
        this.processor = processor;
        this.retries = retries;
        this.router = router;
        this.workers = workers;
        this.gate = gate;
        this.json = json;
    }

    @KafkaListener(id = "order-processing", topics = KafkaTopics.PROCESSING, groupId = KafkaTopics.PROCESSING_GROUP,
        concurrency = "${orderly.processing.concurrency:3}", containerFactory = ProcessingContainers.GATED,
        clientIdPrefix = "#{@instanceName.value()}")
    void onOrderProcessingEvent(ConsumerRecord<String, String> record, Acknowledgment ack)
        throws InterruptedException {
        dispatch(record, ack, 0);
    }

    @KafkaListener(id = "order-retry", topics = KafkaTopics.RETRY, groupId = KafkaTopics.RETRY_GROUP,
        concurrency = "${orderly.processing.retry-concurrency:1}", containerFactory = ProcessingContainers.GATED,
        clientIdPrefix = "#{@instanceName.value()}-retry")
    void onRetryEvent(ConsumerRecord<String, String> record, Acknowledgment ack) throws InterruptedException {
        dispatch(record, ack, retries.remainingDelay(record));
    }

    /** Takes the record's slot and hands its work to the workers (after {@code delayMillis}, a retry's back-off). */
    private void dispatch(ConsumerRecord<String, String> record, Acknowledgment ack, long delayMillis)
        throws InterruptedException {
        OffsetGate.Slot slot = gate.open(record, ack);
        OrderProcessingEvent event;
        try {
            event = json.read(record.value(), OrderProcessingEvent.class);
        } catch (UnreadableRecordException e) {
            hand(new Delivery(record, slot, null), 0, () -> new DeadLetter(e.getMessage(), e));
            return;
        }
        RecordOrigin origin = RecordOrigin.of(record);
        hand(new Delivery(record, slot, event), delayMillis, () -> processor.process(event, origin));
    }

    private void hand(Delivery delivery, long delayMillis, OutcomeRouter.Work work) {
        workers.submitLater(delivery.workKey(), delayMillis, () -> router.route(delivery, work))
            .whenComplete((ok, failure) -> {
                if (failure != null) {
                    router.abandon(delivery, failure);
                }
            });
    }
}
