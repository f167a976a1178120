package dev.orderly.backend.order;

import dev.orderly.backend.db.StoredNotes;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.Note;
import dev.orderly.model.OrderStatus;
import java.sql.Types;
import java.time.Instant;

/**
 * One committed status change of an order, with when, who and why. Plain JDBC: inserted with the commit of the
 * change ({@link TransactionInserts}), read through {@link StatusHistoryRepository}.
 */
public final class StatusHistoryEntry {

    private final Long orderId;
    private final OrderStatus fromStatus;
    private final OrderStatus toStatus;
    private final Instant changedAt;
    private final String actor;
    private final String reason;
    private final Note note;

    /** A new change, its reason said by {@code note} (stored with its English). */
    StatusHistoryEntry(Long orderId, OrderStatus fromStatus, OrderStatus toStatus, Instant changedAt, String actor,
        Note note) {
        this(orderId, fromStatus, toStatus, changedAt, actor, StoredNotes.english(note), note);
    }

    /** A change as its row holds it. */
    StatusHistoryEntry(Long orderId, OrderStatus fromStatus, OrderStatus toStatus, Instant changedAt, String actor,
        String reason, Note note) {
        this.orderId = orderId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.actor = actor;
        this.reason = reason;
        this.note = note;
    }

    /** Queues this entry's row for the current transaction's commit ({@link TransactionInserts}). */
    void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO order_status_history (order_id, from_status, to_status, changed_at, actor, reason,"
            + " note) VALUES (?, ?, ?, ?, ?, ?, ?)", orderId,
            TransactionInserts.nullable(fromStatus == null ? null : fromStatus.name(), Types.VARCHAR),
            toStatus.name(), TransactionInserts.at(changedAt), actor,
            TransactionInserts.nullable(reason, Types.VARCHAR),
            TransactionInserts.nullable(StoredNotes.json(note), Types.VARCHAR));
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

    /** The reason by its stable code; null for rows written before notes were stored. */
    public Note getNote() {
        return note;
    }
}
