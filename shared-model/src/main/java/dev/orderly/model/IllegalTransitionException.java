package dev.orderly.model;

/** Thrown when a status change is not in {@link OrderStatus}'s transition table. */
public class IllegalTransitionException extends IllegalStateException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        super("An order cannot move from " + from + " to " + to + "; allowed from " + from + ": "
            + (from.allowedTargets().isEmpty() ? "nothing (final state)" : from.allowedTargets()));
        this.from = from;
        this.to = to;
    }

    public OrderStatus getFrom() {
        return from;
    }

    public OrderStatus getTo() {
        return to;
    }
}
