package dev.orderly.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A committed status change, as published on {@code order-status-events} and the WebSocket topics. It carries the
 * order's total so a console can show a new order without asking for it.
 */
public record OrderStatusChanged(long orderId, String userEmail, OrderStatus from, OrderStatus to, Instant at,
    String reason, BigDecimal total) {

    public OrderStatusChanged {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
