package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to a campaign that is not COMPLETED: only the fields given change. {@code version} is the
 * version the client read; a campaign changed since is a 409.
 */
public record CampaignChange(
        @NotNull Integer version,
        @Size(min = 1, max = 150) String name,
        Channel channel,
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 10, fraction = 2, message = "must be rupees with at most 2 decimals") BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        @Size(max = 1000) String targetAudience,
        UUID branchId) {
}
