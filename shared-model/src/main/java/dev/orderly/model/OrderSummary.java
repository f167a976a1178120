package dev.orderly.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the order list ({@code GET /api/orders}). */
public record OrderSummary(long orderId, String userEmail, OrderStatus status, int progressPercentage,
    BigDecimal total, Instant createdAt, Instant updatedAt) {
}
