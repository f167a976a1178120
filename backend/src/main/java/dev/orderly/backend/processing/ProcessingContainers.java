package dev.orderly.backend.processing;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The main topic's listener container: Boot's settings plus out-of-order acknowledgements ({@code asyncAcks}),
 * so records of different orders finish in any order while the committed offset never passes an unfinished one.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingContainers {

    static final String ASYNC_ACKS = "asyncAcksListenerContainerFactory";

    @Bean(ASYNC_ACKS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> asyncAcksListenerContainerFactory(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setAsyncAcks(true);
        return factory;
    }
}
