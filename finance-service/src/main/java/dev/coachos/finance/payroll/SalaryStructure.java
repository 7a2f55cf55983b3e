package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A salary structure as the API shows it: the pay of one person from one day (to another, or open
 * ended); never deleted, only ended.
 */
public record SalaryStructure(UUID id, UUID personId, String personName, UUID branchId, BigDecimal basePay,
        LocalDate effectiveFrom, LocalDate effectiveTo, boolean pf, boolean esi, BigDecimal tdsPercent, String note,
        List<Component> components, UUID createdBy, Instant createdAt, long version) {

    /** A component in its order ({@code seq} from 1). */
    public record Component(int seq, String code, String name, String kind, String calc, BigDecimal amount,
            BigDecimal percent, String of) {
    }
}
