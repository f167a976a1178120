package dev.orderly.model;

import java.time.Instant;

/**
 * One line of an order's timeline: a status change, a processing attempt (with where its event sat on Kafka),
 * a retry, an error or a compensation. {@code detail} says it in English; {@code note} says the same by its stable
 * code, when the backend stored one (rows written before notes existed have none).
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
    Integer retryCount,
    Note note) {

    /** An entry without a note (written before notes were stored, or by a client that does not read them). */
    public TimelineEntry(Instant at, TimelineKind kind, OrderStatus from, OrderStatus to, String detail,
        String eventId, String topic, Integer partition, Long offset, Integer retryCount) {
        this(at, kind, from, to, detail, eventId, topic, partition, offset, retryCount, null);
    }

    /** What a timeline entry records. */
    public enum TimelineKind {
        STATUS_CHANGE, ACCEPTED, ATTEMPT_SUCCEEDED, ATTEMPT_FAILED, RETRY_SCHEDULED, DUPLICATE_SKIPPED, DEAD_LETTERED,
        COMPENSATED
    }
}
