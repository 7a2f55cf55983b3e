package dev.coachos.course.curriculum;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a course's curriculum: the official one ({@code teacherId} null, always
 * APPROVED) or a teacher's (DRAFT, PENDING_APPROVAL, APPROVED or REJECTED).
 */
public record Curriculum(UUID id, UUID courseId, String courseTitle, boolean courseActive, UUID teacherId,
        Status status, String versionName, String rejectionReason, Instant submittedAt, Instant reviewedAt,
        UUID reviewedBy, long lessonsRevision, Instant createdAt, Instant updatedAt) {

    static final String SELECT = """
            select cu.id, cu.course_id, co.title as course_title, co.active as course_active, cu.teacher_id, cu.status,
                   cu.version_name, cu.rejection_reason, cu.submitted_at, cu.reviewed_at, cu.reviewed_by,
                   cu.lessons_revision, cu.created_at, cu.updated_at
            from curriculum cu join course co on co.id = cu.course_id""";

    static Curriculum read(ResultSet rs, int row) throws SQLException {
        return new Curriculum(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getString("course_title"), rs.getBoolean("course_active"), rs.getObject("teacher_id", UUID.class),
                Status.valueOf(rs.getString("status")), rs.getString("version_name"), rs.getString("rejection_reason"),
                instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("reviewed_at")),
                rs.getObject("reviewed_by", UUID.class), rs.getLong("lessons_revision"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    public boolean official() {
        return teacherId == null;
    }

    /** Whether students may read it: the official curriculum and approved teacher versions. */
    public boolean published() {
        return status == Status.APPROVED;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The approval states of a version. */
    public enum Status {
        DRAFT, PENDING_APPROVAL, APPROVED, REJECTED;

        /**
         * A draft or a rejected version is submitted (PENDING_APPROVAL); a submitted one is
         * APPROVED or REJECTED by a reviewer; an approved one is final.
         */
        boolean mayBecome(Status next) {
            return switch (this) {
                case DRAFT, REJECTED -> next == PENDING_APPROVAL;
                case PENDING_APPROVAL -> next == APPROVED || next == REJECTED;
                case APPROVED -> false;
            };
        }

        /** The names of the statuses a version may be in to become {@code next}, for a conditional update. */
        static String[] allowedBefore(Status next) {
            return java.util.Arrays.stream(values()).filter(status -> status.mayBecome(next)).map(Status::name)
                    .toArray(String[]::new);
        }
    }
}
