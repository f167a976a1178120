package dev.orderly.backend.processing;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.EventJson;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Sends a transiently failed event to {@code order-retry-topic} with {@code retryCount}+1 and a not-before time,
 * or, once the retry budget is spent, to the DLT. Written by hand because Spring Kafka's retry topics republish
 * the record unchanged, and the event's own {@code retryCount} must grow.
 */
@Component
class RetryRouter {

    static final String NOT_BEFORE_HEADER = "orderly-not-before";
    static final String ERROR_HEADER = "orderly-error";

    private static final Logger log = LoggerFactory.getLogger(RetryRouter.class);

    private final KafkaTemplate<String, String> kafka;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final EventJson json;
    private final ProcessingSettings settings;
    private final AttemptLog attempts;
    private final Clock clock;
    private final FaultInjector faults;

    RetryRouter(KafkaTemplate<String, String> kafka, DeadLetterPublishingRecoverer deadLetters, EventJson json,
        ProcessingSettings settings, AttemptLog attempts, Clock clock, FaultInjector faults) {
        this.faults = faults;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.json = json;
        this.settings = settings;
        this.attempts = attempts;
        this.clock = clock;
    }

    void retryOrDeadLetter(ConsumerRecord<String, String> record, OrderProcessingEvent event, Exception cause) {
        RecordOrigin origin = RecordOrigin.of(record);
        if (event.retryCount() >= settings.maxRetries()) {
            String reason = "gave up after " + (event.retryCount() + 1) + " attempts: " + cause.getMessage();
            deadLetters.accept(record, null, new RetriesExhaustedException(reason, cause));
            attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.DEAD_LETTERED,
                "sent to " + KafkaTopics.DEAD_LETTER + ": " + reason, origin, event.retryCount());
            log.warn("order {}: event {} dead-lettered: {}", event.orderId(), event.eventId(), reason);
            return;
        }
        OrderProcessingEvent next = event.nextRetry();
        Duration backoff = settings.backoffFor(next.retryCount());
        long notBefore = clock.millis() + backoff.toMillis();
        ProducerRecord<String, String> retry = new ProducerRecord<>(KafkaTopics.RETRY,
            String.valueOf(event.orderId()), json.write(next));
        retry.headers().add(NOT_BEFORE_HEADER, Long.toString(notBefore).getBytes(StandardCharsets.UTF_8));
        if (origin.redrive() > 0) {
            retry.headers().add(RecordOrigin.REDRIVE_HEADER,
                Integer.toString(origin.redrive()).getBytes(StandardCharsets.UTF_8));
        }
        retry.headers().add(ERROR_HEADER, String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
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
        attempts.recordAlone(event.orderId(), event.eventId(), TimelineKind.RETRY_SCHEDULED,
            "attempt failed (" + cause.getMessage() + "); retry " + next.retryCount() + " of "
                + settings.maxRetries() + " in " + backoff.toMillis() + " ms", origin, event.retryCount());
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

    /** The retry budget is spent. */
    static class RetriesExhaustedException extends RuntimeException {

        RetriesExhaustedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
