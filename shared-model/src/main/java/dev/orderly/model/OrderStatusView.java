package dev.orderly.model;

import java.time.Instant;

/** The seed's status answer ({@code GET /api/orders/{id}/status}). */
public record OrderStatusView(
    long orderId,
    OrderStatus status,
    String statusDescription,
    int progressPercentage,
    boolean canCancel,
    Instant lastUpdated) {

    public static OrderStatusView of(long orderId, OrderStatus status, Instant lastUpdated) {
        return new OrderStatusView(orderId, status, status.getDescription(), status.getProgressPercentage(),
            status.isCancellable(), lastUpdated);
    }
}
