package dev.orderly.backend.warehouse;

import dev.orderly.backend.db.TransactionInserts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paid order's goods held in the warehouse (one per order). */
@Entity
@Table(name = "warehouse_storage")
public class WarehouseStorage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, unique = true)
    private Long orderId;

    @Column(nullable = false)
    private String location;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected WarehouseStorage() {
    }

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
