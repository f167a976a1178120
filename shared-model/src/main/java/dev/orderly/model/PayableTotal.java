package dev.orderly.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order whose total one payment can cover: at most {@link PaymentRequest#MAX_AMOUNT}. Each line is within its
 * own limits, but 10000 x 1000000 is not, and an order that could never be paid must not be created.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PayableTotalValidator.class)
public @interface PayableTotal {

    String message() default "the order total must be at most 999999999.99, the most one payment can be";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
