package dev.orderly.model;

/**
 * What a redrive of one dead letter will do (preview) or did: {@code processable} says whether the order can
 * still be processed; {@code detail} says why or what happened.
 */
public record RedriveOutcome(int partition, long offset, Long orderId, boolean processable, boolean redriven,
    String detail) {
}
