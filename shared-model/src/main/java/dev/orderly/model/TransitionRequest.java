package dev.orderly.model;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/orders/{id}/transitions}: where staff move an order next. */
public record TransitionRequest(@NotNull(message = "target is required") OrderStatus target) {
}
