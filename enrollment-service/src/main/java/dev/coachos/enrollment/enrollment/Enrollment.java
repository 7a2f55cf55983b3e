package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A student's place in a course and batch, with the fee they pay (INR). */
public record Enrollment(UUID id, UUID studentId, UUID courseId, UUID batchId, UUID branchId, Status status,
        BigDecimal fee, String feeFrequency, DiscountType discountType, BigDecimal discount, BigDecimal netFee,
        Instant enrolledAt, Instant completedAt, Instant offeredUntil) {

    static final String COLUMNS = "e.id, e.student_id, e.course_id, e.batch_id, e.branch_id, e.status, e.fee, "
            + "e.fee_frequency, e.discount_type, e.discount, e.net_fee, e.enrolled_at, e.completed_at, e.offered_until";

    static Enrollment read(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        Timestamp offered = rs.getTimestamp("offered_until");
        String discountType = rs.getString("discount_type");
        return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getObject("batch_id", UUID.class),
                rs.getObject("branch_id", UUID.class), Status.valueOf(rs.getString("status")), rs.getBigDecimal("fee"),
                rs.getString("fee_frequency"), discountType == null ? null : DiscountType.valueOf(discountType),
                rs.getBigDecimal("discount"), rs.getBigDecimal("net_fee"), rs.getTimestamp("enrolled_at").toInstant(),
                completed == null ? null : completed.toInstant(), offered == null ? null : offered.toInstant());
    }

    /**
     * Where an enrollment stands. WAITLISTED: in line for a full batch, no seat. OFFERED: promoted
     * from the line, a seat held until a deadline. ACTIVE, ON_HOLD and COMPLETED hold a seat too.
     * DROPPED is history.
     */
    public enum Status {
        WAITLISTED, OFFERED, ACTIVE, ON_HOLD, COMPLETED, DROPPED;

        /**
         * WAITLISTED → OFFERED (promotion) or DROPPED; OFFERED → ACTIVE (confirmed) or DROPPED;
         * ACTIVE ↔ ON_HOLD, ACTIVE → COMPLETED; anything but DROPPED → DROPPED.
         */
        boolean mayBecome(Status next) {
            return switch (this) {
                case WAITLISTED -> next == OFFERED || next == DROPPED;
                case OFFERED -> next == ACTIVE || next == DROPPED;
                case ACTIVE -> next == ON_HOLD || next == COMPLETED || next == DROPPED;
                case ON_HOLD -> next == ACTIVE || next == DROPPED;
                case COMPLETED -> next == DROPPED;
                case DROPPED -> false;
            };
        }

        /** Whether an enrollment in this status holds a seat of its batch. */
        public boolean holdsSeat() {
            return this == OFFERED || this == ACTIVE || this == ON_HOLD || this == COMPLETED;
        }
    }

    /** How a discount is given. */
    public enum DiscountType {
        PERCENTAGE, FIXED
    }
}
