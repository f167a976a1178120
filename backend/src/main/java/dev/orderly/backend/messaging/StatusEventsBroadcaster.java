package dev.orderly.backend.messaging;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.OrderStatusChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards {@code order-status-events} to STOMP ({@code /topic/order/{id}}, {@code /topic/orders}) and to
 * in-process subscribers. Every backend instance reads every event, so each uses a group of its own, from now on.
 */
@Component
class StatusEventsBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(StatusEventsBroadcaster.class);
    static final String CONTAINERS = "statusBroadcastContainers";

    private final SimpMessagingTemplate stomp;
    private final StatusFeed feed;
    private final EventJson json;

    StatusEventsBroadcaster(SimpMessagingTemplate stomp, StatusFeed feed, EventJson json) {
        this.stomp = stomp;
        this.feed = feed;
        this.json = json;
    }

    /**
     * The offsets of this instance's own throw-away group (a new one each start, from the latest record) mean
     * nothing, so they are committed once per poll, not once per record: the application's default (a synchronous
     * commit per record, right for the processing topics) capped this feed at about 175 events/s, about 40 orders/s
     * on the console, while processing ran ten times faster (BENCHMARKS.md).
     */
    @Bean(CONTAINERS)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> statusBroadcastContainers(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @KafkaListener(topics = KafkaTopics.STATUS_EVENTS, groupId = "orderly-status-broadcast-${random.uuid}",
        properties = {"auto.offset.reset=latest"}, containerFactory = CONTAINERS)
    void onStatusEvent(ConsumerRecord<String, String> record) {
        try {
            OrderStatusChanged change = json.read(record.value(), OrderStatusChanged.class);
            stomp.convertAndSend("/topic/order/" + change.orderId(), change);
            stomp.convertAndSend("/topic/orders", change);
            if (change.userEmail() != null) {
                stomp.convertAndSendToUser(change.userEmail(), "/queue/orders", change);
            }
            feed.publish(change);
        } catch (RuntimeException e) {
            log.warn("could not forward the status event at {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage());
        }
    }
}
