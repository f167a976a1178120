package dev.orderly.backend.consume;

import dev.orderly.backend.processing.ProcessingSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The main topic's listener container: Boot's settings, with the {@link OffsetGate} told about rebalances, so
 * records of different orders finish in any order while the committed offset never passes an unfinished one.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingContainers {

    static final String GATED = "gatedListenerContainerFactory";

    @Bean
    OffsetGate offsetGate(ProcessingSettings settings, MeterRegistry meters) {
        OffsetGate gate = new OffsetGate(settings.maxInFlight());
        Gauge.builder("orderly.orders.in.flight", gate, OffsetGate::inFlight)
            .description("Records taken from the topics and not yet finished (waiting for the gateway or written)")
            .register(meters);
        return gate;
    }

    @Bean(GATED)
    ConcurrentKafkaListenerContainerFactory<Object, Object> gatedListenerContainerFactory(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
        OffsetGate gate) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setConsumerRebalanceListener(gate);
        return factory;
    }
}
