package dev.orderly.model;

import java.time.Instant;

/**
 * One record of {@code order-processing-dlt}, with why it is there ({@code error}, Kafka's standard header, in
 * English; {@code note}, the same by its code, when Orderly published it) and where it came from.
 */
public record DeadLetterView(int partition, long offset, Instant timestamp, Long orderId, String eventId,
    String error, String originTopic, Integer originPartition, Long originOffset, boolean readable,
    String valuePreview, Note note) {

    /** A dead letter whose reason has no note (published by an older backend, or by hand; tests). */
    public DeadLetterView(int partition, long offset, Instant timestamp, Long orderId, String eventId, String error,
        String originTopic, Integer originPartition, Long originOffset, boolean readable, String valuePreview) {
        this(partition, offset, timestamp, orderId, eventId, error, originTopic, originPartition, originOffset,
            readable, valuePreview, null);
    }
}
