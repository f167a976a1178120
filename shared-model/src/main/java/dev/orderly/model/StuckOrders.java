package dev.orderly.model;

import java.time.Instant;
import java.util.List;

/**
 * Where orders wait ({@code GET /api/admin/stuck-orders}): time in state for every state an order can still leave,
 * and the two kinds of waiting a support desk must tell apart: <em>accepted but not processed</em> (a payment was
 * accepted with 202 and no outcome has come for longer than the threshold: the pipeline owes it something) and
 * <em>never paid</em> (created, nobody asked to pay for it: the customer owes something).
 *
 * @param thresholdSeconds     how long an order may wait before it counts as stuck
 * @param timeInState          one row per non-final state with orders in it
 * @param acceptedNotProcessed orders accepted for payment longer ago than the threshold, oldest first (at most 100)
 * @param acceptedNotProcessedCount all of them
 * @param neverPaid            orders waiting for a payment request longer than the threshold, oldest first (at most
 *                             100)
 * @param neverPaidCount       all of them
 */
public record StuckOrders(Instant at, long thresholdSeconds, List<StateAge> timeInState,
    List<StuckOrder> acceptedNotProcessed, long acceptedNotProcessedCount, List<StuckOrder> neverPaid,
    long neverPaidCount) {

    /** How long the orders in one state have been in it. */
    public record StateAge(OrderStatus status, long orders, long oldestSeconds, long averageSeconds) {
    }

    /** One waiting order: since when, and for how long at {@code at}. */
    public record StuckOrder(long orderId, String user, OrderStatus status, Instant since, long waitingSeconds) {
    }
}
