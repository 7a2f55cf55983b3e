package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What a teacher's batches pay them for a month, line by line as {@link TeacherPay} makes them for the
 * payroll run of each batch's branch, and their total.
 */
public record TeacherPayPreview(UUID teacherId, String teacherName, YearMonth month, List<Line> lines,
        BigDecimal total) {

    /** One line, with the branch whose payroll run pays it (null: head office). */
    public record Line(UUID branchId, UUID batchId, String batchName, String code, String name, BigDecimal amount,
            String basis) {
    }
}
