package dev.orderly.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** The payment part of {@link PayAndShipmentRequest}. Its text form never shows the card number. */
public record PaymentRequest(
    @NotNull(message = "payment.method is required (CARD)") PaymentMethod method,
    @NotBlank(message = "payment.cardNumber is required") @ValidCardNumber String cardNumber,
    @NotNull(message = "payment.amount is required") @Positive(message = "payment.amount must be greater than 0")
    @DecimalMax(value = "999999999.99", message = "payment.amount must be at most 999999999.99")
    @Digits(integer = 10, fraction = 2, message = "payment.amount must have at most 2 decimals") BigDecimal amount) {

    /** The most one payment can be; an order's total may not exceed it ({@link PayableTotal}). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    @Override
    public String toString() {
        return "PaymentRequest[method=" + method + ", card=" + Luhn.mask(cardNumber) + ", amount=" + amount + "]";
    }
}
