package dev.orderly.backend.order;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Types;
import java.time.Instant;

/** One committed status change of an order, with when, who and why. */
@Entity
@Table(name = "order_status_history")
public class StatusHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private OrderStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String actor;

    private String reason;

    protected StatusHistoryEntry() {
    }

    StatusHistoryEntry(Long orderId, OrderStatus fromStatus, OrderStatus toStatus, Instant changedAt, String actor,
        String reason) {
        this.orderId = orderId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.actor = actor;
        this.reason = reason;
    }

    /** Queues this entry's row for the current transaction's commit ({@link TransactionInserts}). */
    void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO order_status_history (order_id, from_status, to_status, changed_at, actor, reason)"
            + " VALUES (?, ?, ?, ?, ?, ?)", orderId,
            TransactionInserts.nullable(fromStatus == null ? null : fromStatus.name(), Types.VARCHAR),
            toStatus.name(), TransactionInserts.at(changedAt), actor,
            TransactionInserts.nullable(reason, Types.VARCHAR));
    }

    public Long getOrderId() {
        return orderId;
    }

    public OrderStatus getFromStatus() {
        return fromStatus;
    }

    public OrderStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }
}
