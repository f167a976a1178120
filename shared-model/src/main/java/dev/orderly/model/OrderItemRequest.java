package dev.orderly.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One line of a new order. */
public record OrderItemRequest(
    @NotBlank(message = "sku is required") @Size(max = 64, message = "sku must be at most 64 characters")
    @Pattern(regexp = VISIBLE_TEXT, message = "sku must be visible text: letters, digits,"
        + " punctuation, with spaces only between them") String sku,
    @NotNull(message = "quantity is required") @Positive(message = "quantity must be at least 1")
    @Max(value = 10_000, message = "quantity must be at most 10000") Integer quantity,
    @NotNull(message = "unitPrice is required") @Positive(message = "unitPrice must be greater than 0")
    @DecimalMax(value = "1000000", message = "unitPrice must be at most 1000000")
    @Digits(integer = 7, fraction = 2, message = "unitPrice must have at most 2 decimals") BigDecimal unitPrice) {

    /**
     * Visible characters (no blanks, no invisible or broken ones: no control characters, line breaks, escape
     * sequences or direction overrides such as U+202E), with spaces only between them; accents may follow a letter.
     */
    public static final String VISIBLE_TEXT = "[\\p{L}\\p{N}\\p{P}\\p{S}]"
        + "([\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]*[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}])?";

    /**
     * Whether {@link #lineTotal()} is cheap and meaningful: both values present, the price within 7 digits before
     * the point and 2 after it (its own rules), read from the number's stored precision and scale without arithmetic.
     */
    public boolean hasComputableTotal() {
        return quantity != null && unitPrice != null && unitPrice.scale() <= 2
            && unitPrice.precision() - unitPrice.scale() <= 7;
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
