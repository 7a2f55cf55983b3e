package dev.coachos.marketing.conversion;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to turn a lead into a student, as far as it got: REQUESTED (waiting for identity),
 * ACCOUNT_READY (the account exists; waiting for enrollment), ENROLLED (the lead is CONVERTED; waiting
 * for finance's fee plan), FEE_PLAN_RAISED (done), or FAILED with the reason (the lead stays in its
 * stage, and staff may try another batch).
 */
public record Conversion(UUID id, UUID leadId, UUID batchId, String batchName, String discountType,
        BigDecimal discount, Progress progress, UUID studentId, Boolean accountCreated, UUID enrollmentId,
        UUID feePlanId, String failureReason, String failureDetail, Instant requestedAt, Instant updatedAt,
        Instant completedAt) {

    /** How far an attempt got. */
    public enum Progress {
        REQUESTED, ACCOUNT_READY, ENROLLED, FEE_PLAN_RAISED, FAILED
    }

    static final String FROM = "lead_conversion c left join batch_view b on b.batch_id = c.batch_id "
            + "left join fee_plan_view f on f.enrollment_id = c.enrollment_id";

    static final String COLUMNS = "c.id, c.lead_id, c.batch_id, b.name as batch_name, c.discount_type, c.discount, "
            + "c.status, c.student_id, c.account_created, c.enrollment_id, f.plan_id, c.failure_reason, "
            + "c.failure_detail, c.requested_at, c.updated_at, c.completed_at";

    static Conversion read(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        UUID plan = rs.getObject("plan_id", UUID.class);
        Progress progress = "ENROLLED".equals(status) && plan != null ? Progress.FEE_PLAN_RAISED
                : Progress.valueOf(status);
        Object created = rs.getObject("account_created");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Conversion(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                rs.getObject("batch_id", UUID.class), rs.getString("batch_name"), rs.getString("discount_type"),
                rs.getBigDecimal("discount"), progress, rs.getObject("student_id", UUID.class),
                created == null ? null : (Boolean) created, rs.getObject("enrollment_id", UUID.class), plan,
                rs.getString("failure_reason"), rs.getString("failure_detail"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
