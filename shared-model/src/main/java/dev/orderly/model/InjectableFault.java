package dev.orderly.model;

/**
 * Faults a trainer or a test can inject: the seed's three partial failures (each after the payment succeeded), a slow
 * consumer, a duplicate delivery, a poison record, declined payments, and crashes of the backend process at chosen
 * points (the process halts at once, as under {@code kill -9}).
 */
public enum InjectableFault {
    SHIPMENT_FAILS("Payment succeeds, then creating the shipment fails", Kind.FAILURE),
    WAREHOUSE_FAILS("Payment and shipment succeed, then warehouse storage fails", Kind.FAILURE),
    STATUS_UPDATE_FAILS("Everything is written, then the final status update fails", Kind.FAILURE),
    SLOW_CONSUMER("The consumer takes 2 s longer over each of the next orders, so lag builds up", Kind.DELAY),
    DUPLICATE_DELIVERY("The next accepted event is put on the topic twice; the second copy must be skipped",
        Kind.INJECTION),
    POISON_RECORD("An unreadable record is put on the topic before the next accepted event; it must go to the DLT"
        + " while the order completes", Kind.INJECTION),
    PAYMENT_DECLINED("The card issuer declines the next payments: each order stays PENDING_PAYMENT with the decline"
        + " on its timeline, nothing is charged, and it can be paid again", Kind.INJECTION),
    CRASH_DURING_PAYMENT("The process dies after the payment was authorised, before the database transaction",
        Kind.CRASH),
    CRASH_AFTER_COMMIT("The process dies after the database commit, before the Kafka offset is committed", Kind.CRASH),
    CRASH_AFTER_RETRY_SENT("The process dies after putting a failed event on the retry topic, before the original's"
        + " offset is committed", Kind.CRASH);

    /** What striking the fault does: throw, wait, add records to the topic, or halt the process. */
    public enum Kind { FAILURE, DELAY, INJECTION, CRASH }

    private final String description;
    private final Kind kind;

    InjectableFault(String description, Kind kind) {
        this.description = description;
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public Kind getKind() {
        return kind;
    }

    /** Whether this fault kills the backend process (and a console running it in-process). */
    public boolean isCrash() {
        return kind == Kind.CRASH;
    }
}
