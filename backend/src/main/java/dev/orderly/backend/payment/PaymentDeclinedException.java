package dev.orderly.backend.payment;

/** The issuer declined the payment: retrying will not help. */
public class PaymentDeclinedException extends RuntimeException {

    public PaymentDeclinedException(String message) {
        super(message);
    }
}
