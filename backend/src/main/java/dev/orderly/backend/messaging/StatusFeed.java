package dev.orderly.backend.messaging;

import dev.orderly.model.OrderStatusChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** In-process subscribers to committed status changes (the console in in-process mode listens here). */
@Component
public class StatusFeed {

    private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);

    private final List<Consumer<OrderStatusChanged>> subscribers = new CopyOnWriteArrayList<>();

    /** Returns a handle that unsubscribes when run. */
    public Runnable subscribe(Consumer<OrderStatusChanged> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void publish(OrderStatusChanged change) {
        for (Consumer<OrderStatusChanged> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("a status subscriber failed on order {}: {}", change.orderId(), e.toString());
            }
        }
    }
}
