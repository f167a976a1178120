package dev.orderly.backend.order;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.messaging.Outbox;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way an order's status changes: checked by {@link OrderStatus}, written to the history and to the
 * outbox in the caller's transaction, so the change, its record and its announcement commit together (the two rows
 * are sent with the commit, {@link TransactionInserts}).
 */
@Component
public class OrderStatusChanger {

    private final TransactionInserts inserts;
    private final Outbox outbox;
    private final Clock clock;

    OrderStatusChanger(TransactionInserts inserts, Outbox outbox, Clock clock) {
        this.inserts = inserts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void move(CustomerOrder order, OrderStatus target, String actor, String reason) {
        Instant now = clock.instant();
        OrderStatus from = order.moveTo(target, now);
        new StatusHistoryEntry(order.getId(), from, target, now, actor, reason).insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(order.getId(), order.getUserEmail(), from, target, now, reason,
            order.getTotal(), order.getStatusVersion()));
    }

    /** Records the first status of a newly saved order. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordCreated(CustomerOrder order, String actor) {
        new StatusHistoryEntry(order.getId(), null, order.getStatus(), order.getCreatedAt(), actor, "order created")
            .insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(order.getId(), order.getUserEmail(), null, order.getStatus(),
            order.getCreatedAt(), "order created", order.getTotal(), order.getStatusVersion()));
    }
}
