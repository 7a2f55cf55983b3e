package dev.coachos.enrollment.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A batch to open. Missing values take defaults: capacity 30, the course's price as a one-time
 * fee, the caller's branch, no waitlist (a waitlist's promoted students get 48 hours to confirm).
 * Money in INR with two decimals.
 */
public record NewBatch(
        @NotNull UUID courseId,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @Min(1) @Max(10_000) Integer capacity,
        @Size(max = 7) Map<String, String> schedule,
        UUID teacherId,
        UUID branchId,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal fee,
        Batch.FeeFrequency feeFrequency,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal teacherCompensation,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal teacherCommission,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal monthlyOverheadCost,
        @Min(0) @Max(1000) Integer waitlistCapacity,
        @Min(1) @Max(720) Integer offerHours) {
}
