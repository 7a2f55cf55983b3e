package dev.coachos.enrollment.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The parts of a batch that may change after it opened; absent fields stay as they are. A raised
 * capacity offers the new seats to the waitlist; a new fee applies to enrollments made from now on.
 */
public record BatchChange(@Size(min = 1, max = 200) String name, @Min(1) @Max(10_000) Integer capacity,
        LocalDate endDate, @Size(max = 7) Map<String, String> schedule, UUID teacherId,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal fee,
        Batch.FeeFrequency feeFrequency, @Min(0) @Max(1000) Integer waitlistCapacity, @Min(1) @Max(720) Integer offerHours) {
}
