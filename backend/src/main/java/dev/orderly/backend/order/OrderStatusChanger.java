package dev.orderly.backend.order;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.messaging.Outbox;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
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

    /**
     * Records a new order's first two statuses, as a create makes them: {@code CREATED} (version 1) at
     * {@code createdAt}, then {@code PENDING_PAYMENT} (version 2) at {@code awaiting}; the order's row already
     * holds the second ({@link OrderCreations}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordCreation(long orderId, String email, BigDecimal total, Instant createdAt, Instant awaiting) {
        new StatusHistoryEntry(orderId, null, OrderStatus.CREATED, createdAt, email, "order created")
            .insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(orderId, email, null, OrderStatus.CREATED, createdAt, "order created",
            total, 1L));
        new StatusHistoryEntry(orderId, OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT, awaiting, email,
            "awaiting payment").insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(orderId, email, OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT,
            awaiting, "awaiting payment", total, 2L));
    }
}
