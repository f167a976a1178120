package dev.orderly.backend.consume;

import dev.orderly.backend.db.StoredNotes;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
        // Beside Kafka's English reason header, the same by its code, for a console in another language.
        recoverer.addHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            if (exception instanceof DeadLetteredException dead && dead.why != null) {
                headers.add(KafkaTopics.NOTE_HEADER, StoredNotes.json(dead.why).getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
    }

    /**
     * Publishes {@code record} to the DLT with {@code reason} and returns once the broker has it.
     *
     * @throws RuntimeException if the broker did not take it
     */
    void publish(ConsumerRecord<String, String> record, Note why, Exception cause) {
        recoverer.accept(record, null, new DeadLetteredException(why, cause));
    }

    /** Why a record was dead-lettered; its message becomes the {@code kafka_dlt-exception-message} header. */
    static final class DeadLetteredException extends RuntimeException {

        private final transient Note why;

        DeadLetteredException(Note why, Throwable cause) {
            super(NoteCode.englishOf(why), cause);
            this.why = why;
        }
    }
}
