package dev.orderly.model;

/**
 * How {@code POST /api/orders/{id}/process-payment-shipment} works. {@link #KAFKA} answers 202 as soon as the
 * event is durable on the broker; {@link #SYNCHRONOUS} is the seed's "before": payment, shipment and warehouse
 * storage run in the request thread and the caller waits for all of it (kept for demos and benchmarks).
 */
public enum ProcessingMode {
    KAFKA("Kafka: 202 Accepted at once, processed by the consumers"),
    SYNCHRONOUS("Synchronous (the seed's before): the request waits for payment, shipment and storage");

    private final String description;

    ProcessingMode(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }
}
