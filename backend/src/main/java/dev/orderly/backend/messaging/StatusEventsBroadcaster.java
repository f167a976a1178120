package dev.orderly.backend.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.OrderStatusChanged;
import java.time.Duration;
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
 * An order's change older than one already forwarded is dropped ({@link #isNewest}).
 */
@Component
class StatusEventsBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(StatusEventsBroadcaster.class);
    static final String CONTAINERS = "statusBroadcastContainers";

    private final SimpMessagingTemplate stomp;
    private final StatusFeed feed;
    private final EventJson json;
    /**
     * The newest numbered change forwarded per order: two backends' outbox relays can publish one order's events
     * out of order, and an older one after a newer one would step every console's view of the order back. Bounded,
     * and forgotten an hour after an order's last change (its events are long in order by then).
     */
    private final Cache<Long, Long> newest = Caffeine.newBuilder().maximumSize(200_000)
        .expireAfterAccess(Duration.ofHours(1)).build();

    StatusEventsBroadcaster(SimpMessagingTemplate stomp, StatusFeed feed, EventJson json) {
        this.stomp = stomp;
        this.feed = feed;
        this.json = json;
    }

    /**
     * The offsets of this instance's own throw-away group (a new one each start, from the latest record) mean
     * nothing, so they are never committed ({@code MANUAL} acknowledgement, and the listener never acknowledges).
     * The application's default (a synchronous commit per record, right for the processing topics) capped this feed
     * at about 175 events/s, about 40 orders/s on the console, while processing ran ten times faster
     * (BENCHMARKS.md); a commit per poll fixed that, but left every past start's group on the cluster, with its
     * offsets, for the broker's {@code offsets.retention.minutes} (7 days): the Topics screen listed each of them as
     * reading {@code order-status-events}, and offered them for an offset reset.
     */
    @Bean(CONTAINERS)
    static ConcurrentKafkaListenerContainerFactory<Object, Object> statusBroadcastContainers(
        ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        // Nor the starting position when partitions are assigned (Spring Kafka's default with "latest").
        factory.getContainerProperties().setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        return factory;
    }

    @KafkaListener(topics = KafkaTopics.STATUS_EVENTS, groupId = "orderly-status-broadcast-${random.uuid}",
        properties = {"auto.offset.reset=latest"}, containerFactory = CONTAINERS)
    void onStatusEvent(ConsumerRecord<String, String> record) {
        try {
            OrderStatusChanged change = json.read(record.value(), OrderStatusChanged.class);
            if (!isNewest(change)) {
                log.debug("dropped order {}'s change {} to {}: a newer one was forwarded already", change.orderId(),
                    change.version(), change.to());
                return;
            }
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

    /** Records the change as the order's newest and answers true, or false if a newer one was forwarded. */
    boolean isNewest(OrderStatusChanged change) {
        if (change.version() <= 0) {
            return true;
        }
        boolean[] newer = {false};
        newest.asMap().compute(change.orderId(), (id, latest) -> {
            newer[0] = latest == null || !change.isNotNewerThan(latest);
            return newer[0] ? change.version() : latest;
        });
        return newer[0];
    }
}
