package dev.orderly.backend.order;

import dev.orderly.backend.db.StoredNotes;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.messaging.Outbox;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
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

    private static final Note CREATED = NoteCode.ORDER_CREATED.with();
    private static final String CREATED_ENGLISH = StoredNotes.english(CREATED);
    private static final Note AWAITING = NoteCode.AWAITING_PAYMENT.with();
    private static final String AWAITING_ENGLISH = StoredNotes.english(AWAITING);

    private final TransactionInserts inserts;
    private final Outbox outbox;
    private final Clock clock;

    OrderStatusChanger(TransactionInserts inserts, Outbox outbox, Clock clock) {
        this.inserts = inserts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void move(CustomerOrder order, OrderStatus target, String actor, Note reason) {
        Instant now = clock.instant();
        OrderStatus from = order.moveTo(target, now);
        StatusHistoryEntry entry = new StatusHistoryEntry(order.getId(), from, target, now, actor, reason);
        entry.insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(order.getId(), order.getUserEmail(), from, target, now,
            entry.getReason(), order.getTotal(), order.getStatusVersion(), reason));
    }

    /**
     * Records a new order's first two statuses, as a create makes them: {@code CREATED} (version 1) at
     * {@code createdAt}, then {@code PENDING_PAYMENT} (version 2) at {@code awaiting}; the order's row already
     * holds the second ({@link OrderCreations}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordCreation(long orderId, String email, BigDecimal total, Instant createdAt, Instant awaiting) {
        new StatusHistoryEntry(orderId, null, OrderStatus.CREATED, createdAt, email, CREATED).insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(orderId, email, null, OrderStatus.CREATED, createdAt,
            CREATED_ENGLISH, total, 1L, CREATED));
        new StatusHistoryEntry(orderId, OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT, awaiting, email,
            AWAITING).insertAtCommit(inserts);
        outbox.append(new OrderStatusChanged(orderId, email, OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT,
            awaiting, AWAITING_ENGLISH, total, 2L, AWAITING));
    }
}
