package dev.orderly.model;

import java.time.Instant;

/** One record of {@code order-processing-dlt}, with why it is there and where it came from. */
public record DeadLetterView(int partition, long offset, Instant timestamp, Long orderId, String eventId,
    String error, String originTopic, Integer originPartition, Long originOffset, boolean readable,
    String valuePreview) {
}
