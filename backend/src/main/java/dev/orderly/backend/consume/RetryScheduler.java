package dev.orderly.backend.consume;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.backend.processing.ProcessingSettings;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a transiently failed event on {@code order-retry-topic} with {@code retryCount}+1 and a not-before time.
 * Written by hand because Spring Kafka's retry topics republish the record unchanged, and the event's own
 * {@code retryCount} must grow. Whether to retry at all is {@link OutcomeRouter}'s decision.
 */
@Component
class RetryScheduler {

    static final String NOT_BEFORE_HEADER = "orderly-not-before";
    static final String ERROR_HEADER = "orderly-error";

    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final ProcessingSettings settings;
    private final Clock clock;
    private final FaultInjector faults;

    RetryScheduler(KafkaTemplate<String, String> kafka, EventJson json, ProcessingSettings settings, Clock clock,
        FaultInjector faults) {
        this.faults = faults;
        this.kafka = kafka;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the event has retries left. */
    boolean hasRetriesLeft(OrderProcessingEvent event) {
        return event.retryCount() < settings.maxRetries();
    }

    /**
     * Sends the next attempt to the retry topic and returns once the broker has it; returns the back-off it
     * waits before it is processed.
     *
     * @throws IllegalStateException if the broker did not take it
     */
    Duration schedule(ConsumerRecord<String, String> record, OrderProcessingEvent event, String reason) {
        OrderProcessingEvent next = event.nextRetry();
        Duration backoff = settings.backoffFor(next.retryCount());
        long notBefore = clock.millis() + backoff.toMillis();
        ProducerRecord<String, String> retry = new ProducerRecord<>(KafkaTopics.RETRY,
            String.valueOf(event.orderId()), json.write(next));
        retry.headers().add(NOT_BEFORE_HEADER, Long.toString(notBefore).getBytes(StandardCharsets.UTF_8));
        int redrive = RecordOrigin.redriveOf(record);
        if (redrive > 0) {
            retry.headers().add(RecordOrigin.REDRIVE_HEADER,
                Integer.toString(redrive).getBytes(StandardCharsets.UTF_8));
        }
        retry.headers().add(ERROR_HEADER, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(retry).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scheduling a retry", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not schedule the retry of order " + event.orderId() + ": "
                + e.getMessage(), e);
        }
        faults.hit(InjectableFault.CRASH_AFTER_RETRY_SENT);
        return backoff;
    }

    /** Milliseconds until a retry record is due, or 0. */
    long remainingDelay(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(NOT_BEFORE_HEADER);
        if (header == null) {
            return 0;
        }
        try {
            long notBefore = Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
            return Math.max(0, notBefore - clock.millis());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
