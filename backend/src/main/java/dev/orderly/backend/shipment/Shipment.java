package dev.orderly.backend.shipment;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.ShipmentRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Shipping information of a paid order (one per order). */
@Entity
@Table(name = "shipments")
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, unique = true)
    private Long orderId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private String address;

    @Column(name = "zip_code", nullable = false)
    private String zipCode;

    @Column(name = "tracking_no", nullable = false)
    private String trackingNo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Shipment() {
    }

    public Shipment(Long orderId, ShipmentRequest request, Instant now) {
        this.orderId = orderId;
        this.recipient = request.recipient();
        this.phone = request.phone();
        this.address = request.address();
        this.zipCode = request.zipCode();
        this.trackingNo = "TRK-" + orderId + "-" + Long.toString(now.toEpochMilli() % 1_000_000L, 36).toUpperCase();
        this.createdAt = now;
    }

    /** Queues this new shipment's row for the current transaction's commit ({@link TransactionInserts}). */
    public void insertAtCommit(TransactionInserts inserts) {
        inserts.add("INSERT INTO shipments (order_id, recipient, phone, address, zip_code, tracking_no, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", orderId, recipient, phone, address, zipCode, trackingNo,
            TransactionInserts.at(createdAt));
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public String getZipCode() {
        return zipCode;
    }

    public String getTrackingNo() {
        return trackingNo;
    }
}
