package it.snodo.network;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An Italian organisation's fiscal code: 11 digits whose last one is the check digit of the
 * first ten (the Luhn-style rule of the partita IVA, D.M. 23/12/1976). Null is valid.
 */
@Documented
@Constraint(validatedBy = FiscalCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FiscalCode {

    String message() default "must be an organisation's fiscal code: 11 digits with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FiscalCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidCode(value);
        }

        static boolean isValidCode(String value) {
            if (!value.matches("\\d{11}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                int digit = value.charAt(i) - '0';
                if (i % 2 == 1) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            return (10 - sum % 10) % 10 == value.charAt(10) - '0';
        }
    }
}
