package dev.orderly.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the consumer needs to process an order: the request with the card number exchanged for the gateway's
 * token and its last four digits, so no full card number ever reaches Kafka or the database.
 */
public record ProcessingInstructions(
    PaymentMethod method,
    String cardToken,
    String cardLast4,
    BigDecimal amount,
    ShipmentRequest shipment,
    boolean warehouseStorage) {

    public ProcessingInstructions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(cardToken, "cardToken");
        Objects.requireNonNull(cardLast4, "cardLast4");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(shipment, "shipment");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }

    public static ProcessingInstructions of(PayAndShipmentRequest request, String cardToken) {
        PaymentRequest payment = request.payment();
        return new ProcessingInstructions(payment.method(), cardToken, Luhn.lastFour(payment.cardNumber()),
            payment.amount(), request.shipment(), request.warehouseStorage());
    }
}
