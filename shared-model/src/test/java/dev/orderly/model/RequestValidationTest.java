package dev.orderly.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static PayAndShipmentRequest request(String card, String amount, String recipient) {
        return new PayAndShipmentRequest(
            new PaymentRequest(PaymentMethod.CARD, card, new BigDecimal(amount)),
            new ShipmentRequest(recipient, "010-1234-5678", "1 Main St, Seoul", "04524"), true);
    }

    private Set<String> violatedPaths(Object bean) {
        return validator.validate(bean).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
            .collect(Collectors.toSet());
    }

    @Test
    void acceptsTheReadmeRequest() {
        assertThat(violatedPaths(request("4111111111111111", "25.00", "Alice Kim"))).isEmpty();
    }

    @Test
    void rejectsLuhnInvalidCardAndNonPositiveAmountAndBlankRecipient() {
        assertThat(violatedPaths(request("4111111111111112", "0", " ")))
            .containsExactlyInAnyOrder("payment.cardNumber", "payment.amount", "shipment.recipient");
    }

    @Test
    void rejectsEmptyOrdersAndZeroQuantities() {
        assertThat(violatedPaths(new CreateOrderRequest(List.of()))).containsExactly("items");
        assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 0, BigDecimal.ONE)))))
            .containsExactly("items[0].quantity");
        assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest("", 1, new BigDecimal("-1"))))))
            .containsExactlyInAnyOrder("items[0].sku", "items[0].unitPrice");
    }

    @Test
    void totalsTheItems() {
        CreateOrderRequest order = new CreateOrderRequest(List.of(
            new OrderItemRequest("SKU-1", 2, new BigDecimal("12.50")),
            new OrderItemRequest("SKU-2", 1, new BigDecimal("0.99"))));
        assertThat(order.total()).isEqualByComparingTo("25.99");
    }

    @Test
    void neverPrintsTheCardNumber() {
        PayAndShipmentRequest request = request("4111111111111111", "25.00", "Alice Kim");
        assertThat(request.toString()).doesNotContain("4111111111111111").contains("1111");
    }

    @Test
    void luhnKnowsGoodAndBadNumbers() {
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("4000000000000002")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
        assertThat(Luhn.isValid("4111-1111-1111-1111")).isFalse();
        assertThat(Luhn.isValid("41")).isFalse();
    }

    @Test
    void eventsRefuseMissingFields() {
        ProcessingInstructions instructions = ProcessingInstructions.of(
            request("4111111111111111", "25.00", "Alice Kim"), "tok_1");
        assertThat(instructions.cardLast4()).isEqualTo("1111");
        assertThatThrownBy(() -> new OrderProcessingEvent(null, "a@b", instructions, Instant.now(), 0, "e"))
            .isInstanceOf(NullPointerException.class).hasMessageContaining("orderId");
        assertThatThrownBy(() -> new OrderProcessingEvent(1L, "a@b", instructions, Instant.now(), -1, "e"))
            .isInstanceOf(IllegalArgumentException.class);
        OrderProcessingEvent event = OrderProcessingEvent.create(7, "a@b", instructions);
        assertThat(event.eventId()).startsWith("7-");
        assertThat(event.nextRetry().retryCount()).isEqualTo(1);
        assertThat(event.nextRetry().eventId()).isEqualTo(event.eventId());
    }

    @Test
    void cardNumbersAreAsciiDigitsOnly() {
        // Fullwidth digits are Character.isDigit and would pass the Luhn sum as if they were ASCII.
        assertThat(violatedPaths(request("\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11"
            + "\uff11\uff11\uff11\uff11\uff11", "25.00", "Alice Kim"))).containsExactly("payment.cardNumber");
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
    }

    @Test
    void skusMustBeVisibleText() {
        for (String sku : List.of("\u00a0", "\u200b", "\ud800", " SKU-1", "SKU-1 ", "SKU\u200b1")) {
            assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest(sku, 1, BigDecimal.ONE)))))
                .as("sku %s", sku.codePoints().mapToObj(Integer::toHexString).toList()).containsExactly("items[0].sku");
        }
        for (String sku : List.of("SKU-1", "A", "상품 7", "BOX #3/4")) {
            assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest(sku, 1, BigDecimal.ONE)))))
                .as(sku).isEmpty();
        }
    }

    @Test
    void anOrderNoPaymentCanCoverIsInvalid() {
        assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 10_000,
            new BigDecimal("1000000")))))).containsExactly("items");
        assertThat(violatedPaths(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 1_000,
            new BigDecimal("999999.99")))))).isEmpty();
    }
}
