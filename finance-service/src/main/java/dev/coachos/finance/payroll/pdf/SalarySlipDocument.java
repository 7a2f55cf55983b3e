package dev.coachos.finance.payroll.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a printed salary slip shows, already worked out: it adds nothing up.
 *
 * @param branchName  the branch whose payroll made it, or "Head office"
 * @param personName  whose slip it is (null: shown by id)
 * @param status      DRAFT, APPROVED, PAID or CANCELLED (anything but PAID and APPROVED is stamped)
 * @param amends      the slip it corrects, or null
 * @param paidOn      the day it was paid, or null
 */
public record SalarySlipDocument(String instituteName, String branchName, String personName, UUID personId,
        YearMonth month, String status, int workingDays, BigDecimal paymentDays, List<Line> lines, BigDecimal gross,
        BigDecimal deductions, BigDecimal net, String netInWords, UUID amends, LocalDate paidOn, String paidMethod,
        String paidReference) {

    public SalarySlipDocument {
        Objects.requireNonNull(instituteName, "instituteName");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** One earning or deduction with how it was reached. */
    public record Line(boolean earning, String name, String basis, BigDecimal amount) {
    }
}
