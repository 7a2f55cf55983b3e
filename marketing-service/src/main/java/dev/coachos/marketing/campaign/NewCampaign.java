package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A campaign to make; it starts as a DRAFT. {@code budget} is INR with at most two decimals.
 * Without {@code branchId} it belongs to the caller's branch, or to head office for a caller who
 * sees every branch.
 */
public record NewCampaign(
        @NotBlank @Size(max = 150) String name,
        @NotNull Channel channel,
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 10, fraction = 2, message = "must be rupees with at most 2 decimals") BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        @Size(max = 1000) String targetAudience,
        UUID branchId) {
}
