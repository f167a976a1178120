package dev.orderly.backend.kafka;

import dev.orderly.backend.BackendSettings;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.config.TopicBuilder;

/** The broker connection (embedded or external) and the topics, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "orderly.kafka.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedKafkaBroker embeddedKafkaBroker(KafkaSettings settings, BackendSettings backend) {
        return EmbeddedKafkaBroker.start(backend.dataDir().resolve("kafka"), settings.embedded().port(),
            Duration.ofSeconds(60));
    }

    /** In embedded mode every Kafka client of the application connects to the in-process broker. */
    @Bean
    @ConditionalOnProperty(name = "orderly.kafka.mode", havingValue = "embedded", matchIfMissing = true)
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }

    /**
     * The one Kafka admin client of the application (health, lag, dead-letter and topic views): Spring Kafka's
     * {@link KafkaAdmin} creates topics at start-up but opens a new client for each of its own calls, so the views
     * that ask every second share this one. Created on first use; each call gives its own time-out.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderly-admin");
        return Admin.create(config);
    }

    @Bean
    NewTopic processingTopic(KafkaSettings settings) {
        return topic(KafkaTopics.PROCESSING, settings.topics());
    }

    @Bean
    NewTopic retryTopic(KafkaSettings settings) {
        return topic(KafkaTopics.RETRY, settings.topics());
    }

    @Bean
    NewTopic deadLetterTopic(KafkaSettings settings) {
        return topic(KafkaTopics.DEAD_LETTER, settings.topics());
    }

    @Bean
    NewTopic statusEventsTopic(KafkaSettings settings) {
        return topic(KafkaTopics.STATUS_EVENTS, settings.topics());
    }

    private static NewTopic topic(String name, KafkaSettings.Topics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor())
            .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topics.minInsyncReplicas())).build();
    }
}
