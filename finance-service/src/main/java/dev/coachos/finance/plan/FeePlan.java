package dev.coachos.finance.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A student's fee plan for one enrollment, with its installments in due order.
 *
 * @param total   what the installments ask in all (waived, cancelled and superseded parts excluded)
 * @param paid    what has been paid on them
 * @param pending what is still owed
 * @param overdue what is owed and past its due date
 */
public record FeePlan(UUID id, UUID enrollmentId, UUID studentId, String studentName, UUID branchId, UUID courseId,
        UUID batchId, String courseTitle, String batchName, String frequency, BigDecimal fee, String discountType,
        BigDecimal discount, BigDecimal netFee, String status, BigDecimal total, BigDecimal paid, BigDecimal pending,
        BigDecimal overdue, Instant createdAt, List<Installment> installments) {
}
