package dev.orderly.backend.messaging;

import dev.orderly.backend.db.TransactionInserts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A committed status change waiting to be relayed to {@code order-status-events}. */
@Entity
@Table(name = "outbox_events")
class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxEvent() {
    }

    OutboxEvent(Long orderId, String payload, Instant createdAt) {
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
