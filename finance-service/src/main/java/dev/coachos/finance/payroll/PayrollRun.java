package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A monthly payroll run of a branch (head office: branch null) with what its slips add up to.
 *
 * @param totals   over the slips that are not CANCELLED
 * @param byStatus the same per status
 * @param skipped  the people the run made no slip for, and why
 */
public record PayrollRun(UUID id, String month, UUID branchId, UUID createdBy, Instant createdAt, Totals totals,
        Map<String, Totals> byStatus, List<Skipped> skipped) {

    /** How many people (slips, per status) and their gross, deductions and net. */
    public record Totals(int people, int slips, BigDecimal gross, BigDecimal deductions, BigDecimal net) {
    }

    public record Skipped(UUID personId, String personName, String reason) {
    }
}
