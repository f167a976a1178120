package dev.orderly.model;

import java.math.BigDecimal;

/** One line of an order as the API shows it. */
public record OrderItemView(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}
