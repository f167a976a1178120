package dev.orderly.backend.processing;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.messaging.UnreadableRecordException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead letters through Spring Kafka's own recoverer: the original record goes to {@code order-processing-dlt}
 * (same partition) with the error and its origin topic/partition/offset in the standard {@code kafka_dlt-*}
 * headers. The processing listeners call the recoverer themselves (they never throw back to the container, see
 * {@code ProcessingListeners}); the error handler is the safety net for whatever else a listener throws: unreadable
 * and unprocessable records to the DLT at once, anything unexpected after a few quick retries.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, String> kafka) {
        return new DeadLetterPublishingRecoverer(kafka,
            (record, exception) -> new TopicPartition(KafkaTopics.DEAD_LETTER, record.partition()));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 3L));
        handler.addNotRetryableExceptions(UnreadableRecordException.class, UnprocessableEventException.class);
        handler.setCommitRecovered(true);
        return handler;
    }
}
