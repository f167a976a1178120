package dev.orderly.model;

/** How an order is paid. */
public enum PaymentMethod {
    CARD
}
