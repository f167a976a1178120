package dev.orderly.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where the goods go. */
public record ShipmentRequest(
    @NotBlank(message = "shipment.recipient is required")
    @Size(max = 100, message = "shipment.recipient must be at most 100 characters")
    @Pattern(regexp = OrderItemRequest.VISIBLE_TEXT, message = "shipment.recipient must be visible text: letters,"
        + " digits, punctuation, with spaces only between them (no control or direction characters)")
    String recipient,
    @NotBlank(message = "shipment.phone is required")
    @Pattern(regexp = "[0-9+() -]{7,20}", message = "shipment.phone must be 7-20 digits, spaces, dashes or +")
    String phone,
    @NotBlank(message = "shipment.address is required")
    @Size(max = 200, message = "shipment.address must be at most 200 characters")
    @Pattern(regexp = OrderItemRequest.VISIBLE_TEXT, message = "shipment.address must be visible text: letters,"
        + " digits, punctuation, with spaces only between them (no control or direction characters, one line)")
    String address,
    @NotBlank(message = "shipment.zipCode is required")
    @Pattern(regexp = "[0-9A-Za-z -]{3,10}", message = "shipment.zipCode must be 3-10 letters or digits")
    String zipCode) {
}
