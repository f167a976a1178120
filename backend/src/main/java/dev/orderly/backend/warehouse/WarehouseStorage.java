package dev.orderly.backend.warehouse;

import dev.orderly.backend.db.TransactionInserts;
import java.time.Instant;

/**
 * A paid order's goods held in the warehouse (one per order). Plain JDBC: inserted with the processing
 * transaction's commit ({@link TransactionInserts}), looked up through {@link WarehouseStorageRepository}.
 */
public final class WarehouseStorage {

    private final Long orderId;
    private final String location;
    private final Instant storedAt;

    public WarehouseStorage(Long orderId, Instant now) {
        this.orderId = orderId;
        this.location = "A-" + (orderId % 40 + 1) + "-" + (orderId % 7 + 1);
        this.storedAt = now;
    }

    /** Queues this new storage's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO warehouse_storage (order_id, location, stored_at) VALUES (?, ?, ?)", orderId,
            location, TransactionInserts.at(storedAt));
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getLocation() {
        return location;
    }
}
