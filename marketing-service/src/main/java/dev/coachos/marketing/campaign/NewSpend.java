package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Money spent on a campaign: INR above zero with at most two decimals, on a day. */
public record NewSpend(
        @NotNull @DecimalMin(value = "0.01", message = "must be more than zero")
        @Digits(integer = 10, fraction = 2, message = "must be rupees with at most 2 decimals") BigDecimal amount,
        @NotNull LocalDate spentOn,
        @Size(max = 500) String note) {
}
