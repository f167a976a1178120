package dev.orderly.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine. The transition table lives here and only here: the backend checks every change
 * against it and the console draws its diagram from it.
 */
public enum OrderStatus {
    CREATED("Order created", 0, true, false),
    PENDING_PAYMENT("Awaiting payment", 10, true, false),
    PAYMENT_COMPLETED("Payment completed", 40, false, false),
    PREPARING("Goods being prepared", 55, false, true),
    IN_WAREHOUSE("Held in the warehouse", 70, false, false),
    SHIPMENT_STARTED("Shipment started", 75, false, true),
    IN_TRANSIT("In transit", 90, false, true),
    COMPLETED("Completed", 100, false, true),
    REFUND_REQUESTED("Refund requested", 100, false, false),
    REFUNDED("Refunded", 100, false, false),
    CANCELLED("Cancelled", 100, false, false);

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED_TRANSITIONS = buildTransitions();

    private final String description;
    private final int progressPercentage;
    private final boolean cancellable;
    private final boolean staffMove;

    OrderStatus(String description, int progressPercentage, boolean cancellable, boolean staffMove) {
        this.description = description;
        this.progressPercentage = progressPercentage;
        this.cancellable = cancellable;
        this.staffMove = staffMove;
    }

    private static Map<OrderStatus, Set<OrderStatus>> buildTransitions() {
        Map<OrderStatus, Set<OrderStatus>> table = new EnumMap<>(OrderStatus.class);
        table.put(CREATED, EnumSet.of(PENDING_PAYMENT, CANCELLED));
        table.put(PENDING_PAYMENT, EnumSet.of(PAYMENT_COMPLETED, CANCELLED));
        table.put(PAYMENT_COMPLETED, EnumSet.of(PREPARING, IN_WAREHOUSE, REFUND_REQUESTED));
        table.put(PREPARING, EnumSet.of(SHIPMENT_STARTED, REFUND_REQUESTED));
        table.put(IN_WAREHOUSE, EnumSet.of(COMPLETED, SHIPMENT_STARTED, REFUND_REQUESTED));
        table.put(SHIPMENT_STARTED, EnumSet.of(IN_TRANSIT));
        table.put(IN_TRANSIT, EnumSet.of(COMPLETED));
        table.put(COMPLETED, EnumSet.of(REFUND_REQUESTED));
        table.put(REFUND_REQUESTED, EnumSet.of(REFUNDED));
        table.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
        table.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        table.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(table);
    }

    public String getDescription() {
        return description;
    }

    public int getProgressPercentage() {
        return progressPercentage;
    }

    /** Whether the customer may still cancel the order. */
    public boolean isCancellable() {
        return cancellable;
    }

    public boolean isTerminal() {
        return ALLOWED_TRANSITIONS.get(this).isEmpty();
    }

    /** The states this one may move to, in declaration order. */
    public Set<OrderStatus> allowedTargets() {
        return ALLOWED_TRANSITIONS.get(this);
    }

    /**
     * Whether staff may move an order into this state by hand. Payment and storage belong to the pipeline,
     * cancellation and refunds to their own actions.
     */
    public boolean isStaffMove() {
        return staffMove;
    }

    /** The legal next states staff may choose by hand from this one. */
    public Set<OrderStatus> staffTargets() {
        EnumSet<OrderStatus> targets = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus target : allowedTargets()) {
            if (target.staffMove) {
                targets.add(target);
            }
        }
        return targets;
    }

    public boolean canTransitionTo(OrderStatus target) {
        return target != null && ALLOWED_TRANSITIONS.get(this).contains(target);
    }

    /**
     * Returns {@code target} if the move is legal.
     *
     * @throws IllegalTransitionException if the table does not allow it
     */
    public OrderStatus transitionTo(OrderStatus target) {
        if (!canTransitionTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }
}
