package dev.orderly.backend.shipment;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.ShipmentRequest;
import java.time.Instant;

/**
 * Shipping information of a paid order (one per order). Plain JDBC: inserted with the processing transaction's
 * commit ({@link TransactionInserts}), read through {@link ShipmentRepository}.
 */
public final class Shipment {

    private final Long orderId;
    private final String recipient;
    private final String phone;
    private final String address;
    private final String zipCode;
    private final String trackingNo;
    private final Instant createdAt;

    public Shipment(Long orderId, ShipmentRequest request, Instant now) {
        this(orderId, request.recipient(), request.phone(), request.address(), request.zipCode(),
            "TRK-" + orderId + "-" + Long.toString(now.toEpochMilli() % 1_000_000L, 36).toUpperCase(), now);
    }

    /** A shipment as its row holds it. */
    Shipment(Long orderId, String recipient, String phone, String address, String zipCode, String trackingNo,
        Instant createdAt) {
        this.orderId = orderId;
        this.recipient = recipient;
        this.phone = phone;
        this.address = address;
        this.zipCode = zipCode;
        this.trackingNo = trackingNo;
        this.createdAt = createdAt;
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
