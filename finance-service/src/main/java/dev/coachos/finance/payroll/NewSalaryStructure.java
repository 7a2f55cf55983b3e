package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A salary structure as payroll staff set it up.
 *
 * @param branchId   the branch whose payroll run pays it; null: the payee's branch
 * @param pf         EPF deducted (employee's share of basic)
 * @param esi        ESI deducted while gross is within the ceiling
 * @param tdsPercent income tax withheld, a percent of gross; null: none
 * @param components earnings and deductions in order; a percent refers to BASIC, GROSS or a component before it
 */
public record NewSalaryStructure(
        @NotNull UUID personId,
        UUID branchId,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal basePay,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Boolean pf,
        Boolean esi,
        @DecimalMin("0.00") @DecimalMax("50.00") @Digits(integer = 2, fraction = 2) BigDecimal tdsPercent,
        @Size(max = 300) String note,
        @Size(max = 40) List<NewComponent> components) {

    /**
     * One component.
     *
     * @param kind    EARNING or DEDUCTION
     * @param calc    FIXED (amount, monthly) or PERCENT (percent of {@code of})
     * @param of      BASIC, GROSS (deductions only) or the code of a component listed before it
     */
    public record NewComponent(String code, String name, String kind, String calc, BigDecimal amount,
            BigDecimal percent, String of) {
    }
}
