package dev.orderly.model;

import java.time.Instant;

/**
 * One line of an order's timeline: a status change, a processing attempt (with where its event sat on Kafka),
 * a retry, an error or a compensation.
 */
public record TimelineEntry(
    Instant at,
    TimelineKind kind,
    OrderStatus from,
    OrderStatus to,
    String detail,
    String eventId,
    String topic,
    Integer partition,
    Long offset,
    Integer retryCount) {

    /** What a timeline entry records. */
    public enum TimelineKind {
        STATUS_CHANGE, ACCEPTED, ATTEMPT_SUCCEEDED, ATTEMPT_FAILED, RETRY_SCHEDULED, DUPLICATE_SKIPPED, DEAD_LETTERED,
        COMPENSATED
    }
}
