package dev.orderly.model;

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
    @Digits(integer = 9, fraction = 2, message = "payment.amount must have at most 2 decimals") BigDecimal amount) {

    @Override
    public String toString() {
        return "PaymentRequest[method=" + method + ", card=" + Luhn.mask(cardNumber) + ", amount=" + amount + "]";
    }
}
