package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.coachos.identity.GstStateCode;

/**
 * A student's profile as it is to be: when they enrolled, their batch (one that enrollment-service
 * opened), their fee concession in INR (none when left out), the two-digit GST code of the
 * state they live in (unknown when left out; finance then takes the branch's state) and their
 * guardians, at most two with different phones. Guardians given replace the ones the profile has
 * ({@code []} removes them all); left out, the profile keeps its guardians.
 */
public record StudentProfileChange(LocalDate enrollmentDate, UUID batchId,
        @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal discount,
        @GstStateCode String stateCode,
        @Size(max = 2, message = "a student has at most two guardians") List<@NotNull @Valid GuardianChange> guardians) {
}
