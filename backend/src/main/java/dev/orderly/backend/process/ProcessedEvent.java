package dev.orderly.backend.process;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.processing.RecordOrigin;
import java.time.Instant;

/**
 * The inbox: an applied event. Its key is the event id, so applying the same event twice fails at the insert (a plain
 * JDBC insert with the commit, {@link TransactionInserts}; read through {@link ProcessedEventLookup}).
 */
final class ProcessedEvent {

    private final String eventId;
    private final Long orderId;
    private final String topic;
    private final int partition;
    private final long offset;
    private final Instant processedAt;

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
