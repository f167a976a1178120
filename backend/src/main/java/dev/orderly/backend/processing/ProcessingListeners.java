package dev.orderly.backend.processing;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.model.OrderProcessingEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The two consumer groups of the pipeline. An unreadable or unprocessable record is thrown to the container's
 * error handler, which dead-letters it at once; a transient failure is routed to the retry topic; the offset is
 * acknowledged only after the outcome is durable (database commit, or the retry/DLT record on the broker).
 */
@Component
class ProcessingListeners {

    private final OrderProcessor processor;
    private final RetryRouter retries;
    private final EventJson json;

    ProcessingListeners(OrderProcessor processor, RetryRouter retries, EventJson json) {
        this.processor = processor;
        this.retries = retries;
        this.json = json;
    }

    @KafkaListener(id = "order-processing", topics = KafkaTopics.PROCESSING, groupId = KafkaTopics.PROCESSING_GROUP,
        concurrency = "${orderly.processing.concurrency:2}")
    void onOrderProcessingEvent(ConsumerRecord<String, String> record, Acknowledgment ack) {
        handle(record);
        ack.acknowledge();
    }

    @KafkaListener(id = "order-retry", topics = KafkaTopics.RETRY, groupId = KafkaTopics.RETRY_GROUP,
        concurrency = "${orderly.processing.retry-concurrency:1}")
    void onRetryEvent(ConsumerRecord<String, String> record, Acknowledgment ack) {
        long wait = retries.remainingDelay(record);
        if (wait > 0) {
            // Spring Kafka re-seeks the record and pauses the consumer: the back-off holds no thread in a sleep.
            ack.nack(Duration.ofMillis(Math.min(wait, 5_000)));
            return;
        }
        handle(record);
        ack.acknowledge();
    }

    private void handle(ConsumerRecord<String, String> record) {
        OrderProcessingEvent event = json.read(record.value(), OrderProcessingEvent.class);
        try {
            processor.process(event, RecordOrigin.of(record));
        } catch (TransientProcessingException e) {
            retries.retryOrDeadLetter(record, event, e);
        }
    }
}
