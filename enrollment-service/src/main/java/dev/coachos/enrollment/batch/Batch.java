package dev.coachos.enrollment.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A batch (cohort) of a course. Money is INR. */
public record Batch(UUID id, UUID courseId, String name, LocalDate startDate, LocalDate endDate, int capacity,
        int seatsTaken, Map<String, String> schedule, UUID teacherId, UUID branchId, BigDecimal fee,
        FeeFrequency feeFrequency, BigDecimal teacherCompensation, BigDecimal teacherCommission,
        BigDecimal monthlyOverheadCost, Instant createdAt, Status status, int waitlistCapacity, int waitlisted,
        int offerHours) {

    static final String COLUMNS = "b.id, b.course_id, b.name, b.start_date, b.end_date, b.capacity, b.seats_taken, "
            + "b.schedule::text as schedule, b.teacher_id, b.branch_id, b.fee, b.fee_frequency, b.teacher_compensation, "
            + "b.teacher_commission, b.monthly_overhead_cost, b.created_at, b.status, b.waitlist_capacity, b.waitlisted, "
            + "b.offer_hours";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonProperty("seatsLeft")
    public int seatsLeft() {
        return capacity - seatsTaken;
    }

    static Batch read(ResultSet rs, int row) throws SQLException {
        java.sql.Date end = rs.getDate("end_date");
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class), rs.getString("name"),
                rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate(), rs.getInt("capacity"),
                rs.getInt("seats_taken"), JSON.readValue(rs.getString("schedule"), new TypeReference<Map<String, String>>() {
                }), rs.getObject("teacher_id", UUID.class), rs.getObject("branch_id", UUID.class),
                rs.getBigDecimal("fee"), FeeFrequency.valueOf(rs.getString("fee_frequency")),
                rs.getBigDecimal("teacher_compensation"), rs.getBigDecimal("teacher_commission"),
                rs.getBigDecimal("monthly_overhead_cost"), rs.getTimestamp("created_at").toInstant(),
                Status.valueOf(rs.getString("status")), rs.getInt("waitlist_capacity"), rs.getInt("waitlisted"),
                rs.getInt("offer_hours"));
    }

    /** The same batch without the money the institute pays out, for callers who do not manage batches. */
    Batch withoutCosts() {
        return new Batch(id, courseId, name, startDate, endDate, capacity, seatsTaken, schedule, teacherId, branchId,
                fee, feeFrequency, null, null, null, createdAt, status, waitlistCapacity, waitlisted, offerHours);
    }

    /** A batch's life: OPEN takes enrollments, CLOSED takes none, CANCELLED has had its enrollments dropped. */
    public enum Status {
        OPEN, CLOSED, CANCELLED;

        /** OPEN ↔ CLOSED; either may be cancelled; CANCELLED is final. */
        public boolean mayBecome(Status next) {
            return switch (this) {
                case OPEN -> next == CLOSED || next == CANCELLED;
                case CLOSED -> next == OPEN || next == CANCELLED;
                case CANCELLED -> false;
            };
        }
    }

    /** How often the fee is charged. */
    public enum FeeFrequency {
        ONE_TIME, MONTHLY
    }
}
