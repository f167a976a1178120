package dev.orderly.model;

/**
 * How {@code POST /api/orders/{id}/process-payment-shipment} works. {@link #KAFKA} answers 202 as soon as the
 * event is durable on the broker; {@link #SYNCHRONOUS} is the seed's "before": payment, shipment and warehouse
 * storage run in the request thread and the caller waits for all of it (kept for demos and benchmarks);
 * {@link #PAYMENT_ONLY} is a teaching mode that shows why the final design exists.
 */
public enum ProcessingMode {
    KAFKA("Kafka: 202 Accepted at once, processed by the consumers"),
    SYNCHRONOUS("Synchronous (the seed's before): the request waits for payment, shipment and storage"),
    /**
     * A teaching mode, off unless a trainer switches to it: the seed's first attempt, payment alone in the Kafka
     * consumer's transaction and the rest of the order (shipment, storage, status) in a transaction of its own
     * afterwards. A failure in the second leaves a paid, unfinished order, which the invariant checker names
     * ({@code paid-but-unfinished}) and {@code POST /api/admin/reconcile} refunds. Never for real orders. The mode
     * in force when an order is processed decides, not the one in force when it was accepted.
     */
    PAYMENT_ONLY("Payment only on Kafka (teaching mode, the seed's first attempt): payment and the rest of the"
        + " order in two transactions, so a failure after payment leaves a paid, unfinished order");

    private final String description;

    ProcessingMode(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }
}
