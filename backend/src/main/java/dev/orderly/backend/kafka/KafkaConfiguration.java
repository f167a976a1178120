package dev.orderly.backend.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The broker connection (embedded or external) and the topics, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final int PARTITIONS = 3;

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "orderly.kafka.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedKafkaBroker embeddedKafkaBroker(KafkaSettings settings, @Value("${orderly.data-dir}") Path dataDir) {
        return EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), settings.embedded().port(), Duration.ofSeconds(60));
    }

    /** In embedded mode every Kafka client of the application connects to the in-process broker. */
    @Bean
    @ConditionalOnProperty(name = "orderly.kafka.mode", havingValue = "embedded", matchIfMissing = true)
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }

    @Bean
    NewTopic processingTopic() {
        return TopicBuilder.name(KafkaTopics.PROCESSING).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic retryTopic() {
        return TopicBuilder.name(KafkaTopics.RETRY).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic deadLetterTopic() {
        return TopicBuilder.name(KafkaTopics.DEAD_LETTER).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic statusEventsTopic() {
        return TopicBuilder.name(KafkaTopics.STATUS_EVENTS).partitions(PARTITIONS).replicas(1).build();
    }
}
