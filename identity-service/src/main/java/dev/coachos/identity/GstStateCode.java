package dev.coachos.identity;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import dev.coachos.platform.india.Gstin;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A two-digit GST state code a branch or a student may name: 01 to 38, 97 (other territory) or 99
 * (centre jurisdiction), as the database's checks allow; the list is {@link Gstin#isStateCode}'s.
 * Null passes (the field was left out); an empty string passes only where {@link #emptyAllowed()}
 * (it clears a stored code).
 */
@Documented
@Constraint(validatedBy = GstStateCode.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface GstStateCode {

    /** Whether an empty string is taken as well as a code. */
    boolean emptyAllowed() default false;

    String message() default "is not a GST state code (two digits, 01 to 38, 97 or 99)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a value against the state codes of {@link Gstin}. */
    final class Check implements ConstraintValidator<GstStateCode, String> {

        private boolean emptyAllowed;

        @Override
        public void initialize(GstStateCode constraint) {
            emptyAllowed = constraint.emptyAllowed();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || emptyAllowed && value.isEmpty() || Gstin.isStateCode(value);
        }
    }
}
