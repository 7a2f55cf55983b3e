package dev.coachos.course.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A student's work for an assignment: one per student, replaced by each resubmission until graded. */
public record Submission(UUID id, UUID assignmentId, String assignmentTitle, int maxPoints, UUID studentId,
        String text, String linkUrl, Status status, Instant submittedAt, int attempts, Integer points,
        String feedback, UUID gradedBy, Instant gradedAt) {

    static final String SELECT = """
            select s.id, s.assignment_id, a.title as assignment_title, a.max_points, s.student_id, s.text_content,
                   s.link_url, s.status, s.submitted_at, s.attempts, s.points, s.feedback, s.graded_by, s.graded_at
            from submission s join assignment a on a.id = s.assignment_id""";

    static Submission read(ResultSet rs, int row) throws SQLException {
        Timestamp graded = rs.getTimestamp("graded_at");
        return new Submission(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
                rs.getString("assignment_title"), rs.getInt("max_points"), rs.getObject("student_id", UUID.class),
                rs.getString("text_content"), rs.getString("link_url"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), rs.getInt("attempts"), (Integer) rs.getObject("points"),
                rs.getString("feedback"), rs.getObject("graded_by", UUID.class), graded == null ? null : graded.toInstant());
    }

    /** Where a submission stands. */
    public enum Status {
        SUBMITTED, GRADED
    }
}
