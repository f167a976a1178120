package dev.orderly.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order with everything that happened to it ({@code GET /api/orders/{id}}). */
public record OrderView(
    long orderId,
    String userEmail,
    OrderStatus status,
    String statusDescription,
    int progressPercentage,
    boolean canCancel,
    BigDecimal total,
    List<OrderItemView> items,
    PaymentView payment,
    ShipmentView shipment,
    boolean warehouseStorage,
    Instant createdAt,
    Instant updatedAt,
    List<TimelineEntry> timeline) {

    /** The committed payment: never more of the card than its last four digits. */
    public record PaymentView(String authorizationId, String cardLast4, BigDecimal amount, String state) {
    }

    /** The committed shipment. */
    public record ShipmentView(String recipient, String phone, String address, String zipCode, String trackingNo) {
    }
}
