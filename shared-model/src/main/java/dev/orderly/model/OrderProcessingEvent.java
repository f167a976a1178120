package dev.orderly.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The seed's event: one request to pay for and ship an order. {@code eventId} is unique per submission and is
 * the idempotency key end to end (inbox row, gateway authorisation).
 */
public record OrderProcessingEvent(
    Long orderId,
    String userEmail,
    ProcessingInstructions request,
    Instant eventCreatedAt,
    int retryCount,
    String eventId) {

    public OrderProcessingEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userEmail, "userEmail");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(eventCreatedAt, "eventCreatedAt");
        Objects.requireNonNull(eventId, "eventId");
        if (orderId <= 0) {
            throw new IllegalArgumentException("orderId must be positive");
        }
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must not be negative");
        }
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must not be blank");
        }
    }

    public static OrderProcessingEvent create(long orderId, String userEmail, ProcessingInstructions request) {
        return new OrderProcessingEvent(orderId, userEmail, request, Instant.now(), 0,
            orderId + "-" + UUID.randomUUID());
    }

    /** The same event, one retry further. */
    public OrderProcessingEvent nextRetry() {
        return new OrderProcessingEvent(orderId, userEmail, request, eventCreatedAt, retryCount + 1, eventId);
    }
}
