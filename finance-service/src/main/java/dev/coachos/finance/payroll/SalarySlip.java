package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A salary slip as the API shows it.
 *
 * @param month        the month paid for, such as 2026-11
 * @param status       DRAFT, APPROVED, PAID or CANCELLED (an approved slip replaced by its amendment)
 * @param amends       the slip this one corrects, or null
 * @param amendedBy    the slip that corrects this one, or null
 * @param workingDays  the calendar days of the month
 * @param paymentDays  the days of the month the salary structure was in effect
 * @param netInWords   the net in Indian words, "Rupees ... Only"
 * @param paidOn       the day it was paid (as recorded), or null
 * @param createdBy    who made it: the runner for a run's slips, else who amended or added it (null before
 *                     this was recorded)
 */
public record SalarySlip(UUID id, UUID runId, UUID personId, String personName, UUID branchId, String month,
        UUID structureId, String status, UUID amends, UUID amendedBy, String amendReason, int workingDays,
        BigDecimal paymentDays, List<Line> lines, BigDecimal gross, BigDecimal totalDeductions, BigDecimal net,
        String netInWords, Instant createdAt, UUID createdBy, UUID approvedBy, Instant approvedAt, UUID paidBy, Instant paidAt,
        LocalDate paidOn, String paidMethod, String paidReference, long version) {

    /** One line in order: an EARNING or a DEDUCTION, how it was reached, and the batch it comes from. */
    public record Line(int seq, String kind, String code, String name, BigDecimal amount, UUID batchId,
            String basis) {
    }
}
