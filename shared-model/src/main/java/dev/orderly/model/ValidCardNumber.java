package dev.orderly.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A card number of 12-19 digits that passes the Luhn check. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCardNumberValidator.class)
public @interface ValidCardNumber {

    String message() default "card number must be 12-19 digits and pass the Luhn check";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
