package dev.orderly.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /api/orders}. */
@PayableTotal
public record CreateOrderRequest(
    @NotEmpty(message = "items must list at least one item")
    @Size(max = 100, message = "an order holds at most 100 items")
    List<@Valid @NotNull(message = "items must not contain null") OrderItemRequest> items) {

    public BigDecimal total() {
        return items.stream().map(OrderItemRequest::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
