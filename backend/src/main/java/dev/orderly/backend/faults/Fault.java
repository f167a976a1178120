package dev.orderly.backend.faults;

/** Faults a trainer or a test can inject: the seed's three partial failures, each after the payment succeeded. */
public enum Fault {
    /** Payment authorised, then creating the shipment fails. */
    SHIPMENT_FAILS,
    /** Payment and shipment done, then warehouse storage fails. */
    WAREHOUSE_FAILS,
    /** Everything written, then the final status update fails. */
    STATUS_UPDATE_FAILS
}
