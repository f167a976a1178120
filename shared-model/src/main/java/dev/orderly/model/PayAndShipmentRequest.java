package dev.orderly.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/orders/{id}/process-payment-shipment}. */
public record PayAndShipmentRequest(
    @NotNull(message = "payment is required") @Valid PaymentRequest payment,
    @NotNull(message = "shipment is required") @Valid ShipmentRequest shipment,
    @NotNull(message = "warehouseStorage is required (true: hold in the warehouse, false: ship)")
    Boolean warehouseStorage) {
}
