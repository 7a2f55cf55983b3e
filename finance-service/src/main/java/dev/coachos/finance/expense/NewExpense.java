package dev.coachos.finance.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An expense as it is recorded.
 *
 * @param category   one of {@code coachos.finance.expense-categories}
 * @param spentOn    the day it was spent, not after today
 * @param campaignId the marketing campaign it was spent on, or null
 * @param billUrl    where the bill is kept (http or https), or null
 */
public record NewExpense(
        @NotBlank @Size(max = 200) String title,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @NotBlank @Size(max = 40) String category,
        @NotNull LocalDate spentOn,
        @NotNull UUID branchId,
        UUID campaignId,
        @Size(max = 500) String billUrl) {
}
