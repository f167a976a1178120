package dev.orderly.backend.messaging;

import dev.orderly.backend.db.TransactionInserts;
import java.time.Instant;

/**
 * A committed status change waiting to be relayed to {@code order-status-events}. Plain JDBC: inserted with the
 * change's commit ({@link TransactionInserts}), claimed and marked through {@link OutboxRepository}.
 */
final class OutboxEvent {

    private final Long id;
    private final Long orderId;
    private final String payload;
    private final Instant createdAt;

    OutboxEvent(Long orderId, String payload, Instant createdAt) {
        this(null, orderId, payload, createdAt);
    }

    /** An event as its row holds it. */
    OutboxEvent(Long id, Long orderId, String payload, Instant createdAt) {
        this.id = id;
        this.orderId = orderId;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    /** Queues this event's row for the current transaction's commit ({@link TransactionInserts}). */
    void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO outbox_events (order_id, payload, created_at) VALUES (?, ?, ?)", orderId, payload,
            TransactionInserts.at(createdAt));
    }

    Long getId() {
        return id;
    }

    Long getOrderId() {
        return orderId;
    }

    String getPayload() {
        return payload;
    }
}
