package dev.orderly.backend.processing;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.messaging.UnreadableRecordException;
import dev.orderly.model.OrderProcessingEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The two consumer groups of the pipeline.
 *
 * <p>On the main topic each record is handed to {@link KeyedWorkers} (different orders in parallel, one order never
 * twice at once) and counts as finished when its outcome is durable (database commit, or the retry/DLT record on
 * the broker). The {@link OffsetGate} commits a partition's offset only up to its lowest unfinished record, so a
 * crash re-delivers every unfinished record, and the duplicate check makes the re-delivery harmless. An unreadable
 * or unprocessable record is dead-lettered at once; a transient failure goes to the retry topic. Nothing is thrown
 * back to the container, whose error handler would seek and commit past records still in flight.
 *
 * <p>The retry topic goes the same way; a record that is not due yet waits on a timer (no thread, no paused
 * consumer), so one slow retry never holds up the others.
 */
@Component
class ProcessingListeners {

    private static final Logger log = LoggerFactory.getLogger(ProcessingListeners.class);
    private static final Duration ROUTING_RETRY = Duration.ofSeconds(1);

    private final OrderProcessor processor;
    private final RetryRouter retries;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final KeyedWorkers workers;
    private final OffsetGate gate;
    private final EventJson json;

    ProcessingListeners(OrderProcessor processor, RetryRouter retries, DeadLetterPublishingRecoverer deadLetters,
        KeyedWorkers workers, OffsetGate gate, EventJson json) {
        this.gate = gate;
        this.processor = processor;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.workers = workers;
        this.json = json;
    }

    @KafkaListener(id = "order-processing", topics = KafkaTopics.PROCESSING, groupId = KafkaTopics.PROCESSING_GROUP,
        concurrency = "${orderly.processing.concurrency:3}", containerFactory = ProcessingContainers.GATED)
    void onOrderProcessingEvent(ConsumerRecord<String, String> record, Acknowledgment ack)
        throws InterruptedException {
        dispatch(record, ack, 0);
    }

    @KafkaListener(id = "order-retry", topics = KafkaTopics.RETRY, groupId = KafkaTopics.RETRY_GROUP,
        concurrency = "${orderly.processing.retry-concurrency:1}", containerFactory = ProcessingContainers.GATED)
    void onRetryEvent(ConsumerRecord<String, String> record, Acknowledgment ack) throws InterruptedException {
        dispatch(record, ack, retries.remainingDelay(record));
    }

    /**
     * Hands the record to the workers (after {@code delayMillis}, a retry's back-off, holding no thread) and marks
     * it finished in the {@link OffsetGate} once its outcome is durable.
     */
    private void dispatch(ConsumerRecord<String, String> record, Acknowledgment ack, long delayMillis)
        throws InterruptedException {
        OffsetGate.Slot slot = gate.open(record, ack);
        OrderProcessingEvent event;
        try {
            event = json.read(record.value(), OrderProcessingEvent.class);
        } catch (UnreadableRecordException e) {
            deadLetters.accept(record, null, e);
            gate.done(slot);
            return;
        }
        workers.submitLater(String.valueOf(event.orderId()), delayMillis, () -> handle(record, event))
            .whenComplete((ok, failure) -> {
                if (failure == null) {
                    gate.done(slot);
                } else {
                    log.warn("order {}: left unfinished ({}); it will be delivered again", event.orderId(),
                        failure.toString());
                    gate.abandon(slot);
                }
            });
    }

    /** Processes one delivery and makes its outcome durable; returns normally only when it is. */
    private void handle(ConsumerRecord<String, String> record, OrderProcessingEvent event) {
        try {
            processor.process(event, RecordOrigin.of(record));
        } catch (UnprocessableEventException e) {
            deadLetters.accept(record, null, e);
        } catch (RuntimeException e) {
            if (!(e instanceof TransientProcessingException)) {
                log.warn("order {}: unexpected failure, treated as transient: {}", event.orderId(), e.toString());
            }
            routeDurably(record, event, e);
        }
    }

    /**
     * Schedules the retry (or dead-letters), waiting out a broker outage: the record is acknowledged only once
     * the retry record is on the broker. At shutdown it gives up unacknowledged, and the record comes back.
     */
    private void routeDurably(ConsumerRecord<String, String> record, OrderProcessingEvent event, Exception cause) {
        while (true) {
            try {
                retries.retryOrDeadLetter(record, event, cause);
                return;
            } catch (RuntimeException e) {
                if (workers.closing()) {
                    throw e;
                }
                log.warn("order {}: could not schedule a retry ({}); trying again in {} ms", event.orderId(),
                    e.getMessage(), ROUTING_RETRY.toMillis());
                try {
                    Thread.sleep(ROUTING_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
