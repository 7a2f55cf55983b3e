package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * A student's profile as it is to be: when they enrolled, their batch (one that enrollment-service
 * opened) and their fee concession in INR (none when left out).
 */
public record StudentProfileChange(LocalDate enrollmentDate, UUID batchId,
        @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal discount) {
}
