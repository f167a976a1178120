package dev.orderly.console.alerts;

import java.time.Instant;

/**
 * One thing a watch raised: when, a short title, a sentence, and where to look ({@code orderId} for an order's
 * detail, else {@code where}).
 */
public record Alert(Instant at, String title, String text, Where where, long orderId) {

    /** The screen an alert opens. */
    public enum Where { ORDER, PIPELINE, DEAD_LETTERS, FAULTS }

    static Alert about(Instant at, String title, String text, Where where) {
        return new Alert(at, title, text, where, 0);
    }

    static Alert onOrder(Instant at, long orderId, String title, String text) {
        return new Alert(at, title, text, Where.ORDER, orderId);
    }

    @Override
    public String toString() {
        return title + ": " + text;
    }
}
