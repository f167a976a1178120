package dev.orderly.model;

import java.time.Instant;
import java.util.List;

/**
 * An order followed across Kafka and the database ({@code GET /api/admin/kafka/orders/{id}}): every record keyed
 * by the order on the processing, retry, dead-letter and status-event topics, and its timeline, by time.
 *
 * @param orderId the order
 * @param entries by time, oldest first
 * @param complete false when the topics were not read to their end within the read's budget
 */
public record OrderTrailView(long orderId, List<Entry> entries, boolean complete) {

    /** A record on a topic or a line of the order's timeline; exactly one of the two is set. */
    public record Entry(Instant at, KafkaRecordView record, TimelineEntry timeline) {
    }
}
