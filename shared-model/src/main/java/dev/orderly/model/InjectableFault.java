package dev.orderly.model;

/**
 * Faults a trainer or a test can inject: the seed's three partial failures (each after the payment succeeded), and
 * crashes of the backend process at chosen points (the process halts at once, as under {@code kill -9}).
 */
public enum InjectableFault {
    SHIPMENT_FAILS("Payment succeeds, then creating the shipment fails", false),
    WAREHOUSE_FAILS("Payment and shipment succeed, then warehouse storage fails", false),
    STATUS_UPDATE_FAILS("Everything is written, then the final status update fails", false),
    CRASH_DURING_PAYMENT("The process dies after the payment was authorised, before the database transaction", true),
    CRASH_AFTER_COMMIT("The process dies after the database commit, before the Kafka offset is committed", true);

    private final String description;
    private final boolean crash;

    InjectableFault(String description, boolean crash) {
        this.description = description;
        this.crash = crash;
    }

    public String getDescription() {
        return description;
    }

    /** Whether this fault kills the backend process (and a console running it in-process). */
    public boolean isCrash() {
        return crash;
    }
}
