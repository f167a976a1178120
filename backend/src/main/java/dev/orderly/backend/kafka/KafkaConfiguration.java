package dev.orderly.backend.kafka;

import dev.orderly.backend.BackendSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
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
        return EmbeddedKafkaBroker.startInBackground(backend.dataDir().resolve("kafka"), settings.embedded().port(),
            Duration.ofSeconds(60));
    }

    /**
     * The embedded broker is made before the database, the first of the slow parts of a start, so the broker's
     * start (on a thread of its own) and the database's (Flyway, Hibernate) run side by side.
     */
    @Bean
    static BeanFactoryPostProcessor embeddedKafkaBrokerBeforeTheDatabase() {
        return factory -> {
            if (factory.containsBeanDefinition("embeddedKafkaBroker") && factory.containsBeanDefinition("dataSource")) {
                BeanDefinition dataSource = factory.getBeanDefinition("dataSource");
                List<String> before = new ArrayList<>(dataSource.getDependsOn() == null ? List.of()
                    : List.of(dataSource.getDependsOn()));
                before.add("embeddedKafkaBroker");
                dataSource.setDependsOn(before.toArray(String[]::new));
            }
        };
    }

    /**
     * The broker comes up while the rest of the application is made (a second of start-up on two cores); once
     * every bean exists, and before Spring Kafka creates the topics and starts the consumers, the start waits for
     * it and fails with the broker's own reason if it did not start. Registered before the auto-configured Kafka
     * beans, so this runs before their own start-up callbacks.
     */
    @Bean
    @ConditionalOnProperty(name = "orderly.kafka.mode", havingValue = "embedded", matchIfMissing = true)
    SmartInitializingSingleton embeddedKafkaBrokerStarted(EmbeddedKafkaBroker broker) {
        return broker::awaitStarted;
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
