package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import dev.coachos.identity.GstStateCode;

/**
 * A student's profile as it is to be: when they enrolled, their batch (one that enrollment-service
 * opened), their fee concession in INR (none when left out) and the two-digit GST code of the
 * state they live in (unknown when left out; finance then takes the branch's state).
 */
public record StudentProfileChange(LocalDate enrollmentDate, UUID batchId,
        @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal discount,
        @GstStateCode String stateCode) {
}
