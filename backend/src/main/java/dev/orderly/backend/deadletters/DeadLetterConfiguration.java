package dev.orderly.backend.deadletters;

import dev.orderly.backend.kafka.KafkaTopics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Spring Kafka's dead-letter recoverer, used by {@link DeadLetterPath} (the only caller), and the listener
 * containers' error handler.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, String> kafka) {
        return new DeadLetterPublishingRecoverer(kafka,
            (record, exception) -> new TopicPartition(KafkaTopics.DEAD_LETTER, record.partition()));
    }

    /**
     * The processing listeners throw nothing back to the container but an interrupt at shutdown, so this handler
     * has one duty: never commit past a record. It recovers nothing and never acknowledges: it seeks back to the
     * failed record and hands it over again, every second, however long it takes. Committing there (as a
     * recovering handler does) could pass records that are still in flight on the workers and lose them on a crash.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            throw new IllegalStateException("never recovered", exception);
        }, new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setCommitRecovered(false);
        handler.setAckAfterHandle(false);
        handler.setRetryListeners((record, exception, attempt) -> log.warn("{}-{}@{}: handed over again (attempt"
            + " {}) after {}", record.topic(), record.partition(), record.offset(), attempt, exception.toString()));
        return handler;
    }
}
