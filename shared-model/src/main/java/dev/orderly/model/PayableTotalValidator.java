package dev.orderly.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

/** Checks {@link PayableTotal}; lines with missing values are left to their own constraints. */
public class PayableTotalValidator implements ConstraintValidator<PayableTotal, CreateOrderRequest> {

    @Override
    public boolean isValid(CreateOrderRequest request, ConstraintValidatorContext context) {
        if (request == null || request.items() == null) {
            return true;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (OrderItemRequest item : request.items()) {
            if (item != null && item.quantity() != null && item.unitPrice() != null) {
                total = total.add(item.lineTotal());
            }
        }
        if (total.compareTo(PaymentRequest.MAX_AMOUNT) <= 0) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("items").addConstraintViolation();
        return false;
    }
}
