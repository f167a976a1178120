package dev.orderly.model;

import java.time.Instant;
import java.util.Objects;

/** A committed status change, as published on {@code order-status-events} and the WebSocket topics. */
public record OrderStatusChanged(long orderId, String userEmail, OrderStatus from, OrderStatus to, Instant at,
    String reason) {

    public OrderStatusChanged {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
