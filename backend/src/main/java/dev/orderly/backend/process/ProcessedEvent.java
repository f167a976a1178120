package dev.orderly.backend.process;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.processing.RecordOrigin;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The inbox: an applied event. Its key is the event id, so applying the same event twice fails at the insert (a plain
 * JDBC insert with the commit, {@link TransactionInserts}; read through {@link ProcessedEventLookup}).
 */
@Entity
@Table(name = "processed_events")
class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(nullable = false)
    private String topic;

    @Column(name = "kafka_partition", nullable = false)
    private int partition;

    @Column(name = "kafka_offset", nullable = false)
    private long offset;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    ProcessedEvent(String eventId, Long orderId, RecordOrigin origin, Instant now) {
        this.eventId = eventId;
        this.orderId = orderId;
        this.topic = origin.topic();
        this.partition = origin.partition();
        this.offset = origin.offset();
        this.processedAt = now;
    }

    /** Queues this inbox row for the current transaction's commit ({@link TransactionInserts}). */
    void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO processed_events (event_id, order_id, topic, kafka_partition, kafka_offset,"
            + " processed_at) VALUES (?, ?, ?, ?, ?, ?)", eventId, orderId, topic, partition, offset,
            TransactionInserts.at(processedAt));
    }
}
