package dev.orderly.backend.messaging;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.OrderStatusChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards {@code order-status-events} to STOMP ({@code /topic/order/{id}}, {@code /topic/orders}) and to
 * in-process subscribers. Every backend instance reads every event, so each uses a group of its own, from now on.
 */
@Component
class StatusEventsBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(StatusEventsBroadcaster.class);

    private final SimpMessagingTemplate stomp;
    private final StatusFeed feed;
    private final EventJson json;

    StatusEventsBroadcaster(SimpMessagingTemplate stomp, StatusFeed feed, EventJson json) {
        this.stomp = stomp;
        this.feed = feed;
        this.json = json;
    }

    @KafkaListener(topics = KafkaTopics.STATUS_EVENTS, groupId = "orderly-status-broadcast-${random.uuid}",
        properties = {"auto.offset.reset=latest"})
    void onStatusEvent(ConsumerRecord<String, String> record, Acknowledgment ack) {
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
        ack.acknowledge();
    }
}
