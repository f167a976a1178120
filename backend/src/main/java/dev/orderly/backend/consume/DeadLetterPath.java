package dev.orderly.backend.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * The one way a record reaches {@code order-processing-dlt}: Spring Kafka's {@link DeadLetterPublishingRecoverer}
 * (configured in {@link DeadLetterConfiguration}), which copies the original record to the same partition of the
 * DLT with the reason and its origin topic/partition/offset in the standard {@code kafka_dlt-*} headers, and waits
 * for the broker's acknowledgement. Only {@link OutcomeRouter} calls it.
 */
@Component
class DeadLetterPath {

    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterPath(DeadLetterPublishingRecoverer recoverer) {
        this.recoverer = recoverer;
    }

    /**
     * Publishes {@code record} to the DLT with {@code reason} and returns once the broker has it.
     *
     * @throws RuntimeException if the broker did not take it
     */
    void publish(ConsumerRecord<String, String> record, String reason, Exception cause) {
        recoverer.accept(record, null, new DeadLetteredException(reason, cause));
    }

    /** Why a record was dead-lettered; its message becomes the {@code kafka_dlt-exception-message} header. */
    static final class DeadLetteredException extends RuntimeException {

        DeadLetteredException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
