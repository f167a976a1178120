package dev.orderly.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

/**
 * Checks {@link PayableTotal}; lines with missing values, or values outside their own limits, are left to their own
 * constraints: adding a price such as 1e10000000 to the total would build 10^10000000 in full (seconds of CPU), and
 * such a line is refused by its own rules anyway.
 */
public class PayableTotalValidator implements ConstraintValidator<PayableTotal, CreateOrderRequest> {

    @Override
    public boolean isValid(CreateOrderRequest request, ConstraintValidatorContext context) {
        if (request == null || request.items() == null) {
            return true;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (OrderItemRequest item : request.items()) {
            if (item != null && item.hasComputableTotal()) {
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
