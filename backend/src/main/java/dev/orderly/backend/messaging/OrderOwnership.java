package dev.orderly.backend.messaging;

/**
 * Who owns an order, as the live-event subscriptions need to know it. Declared here and implemented by the
 * {@code order} feature, so live events depend on no order internals and the two packages form no cycle.
 */
public interface OrderOwnership {

    /** Whether the order exists and belongs to {@code email}. */
    boolean isOwner(long orderId, String email);
}
