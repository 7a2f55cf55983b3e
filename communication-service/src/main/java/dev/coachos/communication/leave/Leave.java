package dev.coachos.communication.leave;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A leave as its requester and its approvers see it.
 *
 * @param profileType  STUDENT, TEACHER or STAFF, as the requester's token (or the directory) said
 * @param branchId     the requester's branch, or null for head office
 * @param halfDay      AM or PM for a half day (then {@code fromDate} equals {@code toDate}), or null
 * @param decidedBy    who approved or rejected it, or the requester who cancelled it
 * @param decisionNote what the approver wrote, or null
 */
public record Leave(UUID id, UUID userId, String profileType, UUID branchId, LocalDate fromDate, LocalDate toDate,
        HalfDay halfDay, Type leaveType, String reason, Status status, UUID decidedBy, Instant decidedAt,
        String decisionNote, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            l.id, l.user_id, l.profile_type, l.branch_id, l.from_date, l.to_date, l.half_day, l.leave_type, l.reason,
            l.status, l.decided_by, l.decided_at, l.decision_note, l.created_at, l.updated_at""";

    static Leave readRow(ResultSet rs, int row) throws SQLException {
        String halfDay = rs.getString("half_day");
        return new Leave(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("profile_type"), rs.getObject("branch_id", UUID.class),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                halfDay == null ? null : HalfDay.valueOf(halfDay), Type.valueOf(rs.getString("leave_type")),
                rs.getString("reason"), Status.valueOf(rs.getString("status")), rs.getObject("decided_by", UUID.class),
                instant(rs, "decided_at"), rs.getString("decision_note"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** Which half of a day: sessions before 13:00 are the morning's, the rest the afternoon's. */
    public enum HalfDay {
        AM, PM
    }

    /** The kind of leave. */
    public enum Type {
        SICK, CASUAL, EARNED, UNPAID, OTHER
    }

    /** Where a leave stands; the requester hears only of APPROVED and REJECTED. */
    public enum Status {
        PENDING, APPROVED, REJECTED, CANCELLED;

        /** A pending leave is decided or cancelled; an approved one may still be cancelled; the rest are final. */
        public boolean mayBecome(Status next) {
            return switch (this) {
                case PENDING -> next == APPROVED || next == REJECTED || next == CANCELLED;
                case APPROVED -> next == CANCELLED;
                case REJECTED, CANCELLED -> false;
            };
        }

        /** Whether a leave in this status holds its days, so another leave of the person may not overlap it. */
        public boolean holdsDays() {
            return this == PENDING || this == APPROVED;
        }
    }
}
