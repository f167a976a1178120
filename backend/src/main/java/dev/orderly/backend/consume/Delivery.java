package dev.orderly.backend.consume;

import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.model.OrderProcessingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record taken from the main or the retry topic, from the poll until its outcome is durable.
 *
 * @param record the record as polled
 * @param slot its place in {@link OffsetGate}
 * @param event the event it carries, or {@code null} if the record is unreadable
 */
record Delivery(ConsumerRecord<String, String> record, OffsetGate.Slot slot, OrderProcessingEvent event) {

    RecordOrigin origin() {
        return RecordOrigin.of(record);
    }

    /** The key that orders work: the order's id, or the record's own position when it cannot be read. */
    String workKey() {
        return event != null ? String.valueOf(event.orderId())
            : record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    @Override
    public String toString() {
        return (event != null ? "order " + event.orderId() + " " : "unreadable record ") + origin();
    }
}
