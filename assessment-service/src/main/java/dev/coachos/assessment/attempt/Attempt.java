package dev.coachos.assessment.attempt;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One student's attempt at a quiz: its number (from 1), its deadline, and once submitted its score.
 *
 * @param deadline    the earlier of the quiz's closing time and start + duration; null when neither exists
 * @param submittedBy STUDENT, or DEADLINE when the sweep submitted it
 * @param keyVersion  the answer-key version it was graded with
 * @param score       the points scored (may be negative with negative marks); null while in progress
 * @param passed      whether the score reaches the passing percentage; null until every answer is graded
 */
public record Attempt(UUID id, UUID quizId, UUID studentId, int number, Status status, Instant startedAt,
        Instant deadline, Instant submittedAt, String submittedBy, Integer keyVersion, BigDecimal score,
        BigDecimal maxScore, BigDecimal percent, Boolean passed, Instant gradedAt) {

    static final String COLUMNS = """
            a.id, a.quiz_id, a.student_id, a.number, a.status, a.started_at, a.deadline, a.submitted_at, a.submitted_by,
            a.key_version, a.score, a.max_score, a.percent, a.passed, a.graded_at""";

    /** IN_PROGRESS until submitted; then GRADED, or PENDING_REVIEW while answers wait for a teacher. */
    public enum Status {
        IN_PROGRESS, PENDING_REVIEW, GRADED
    }

    /** Whether answers are still taken at {@code now}, given the grace after the deadline. */
    boolean open(Instant now, java.time.Duration grace) {
        return status == Status.IN_PROGRESS && (deadline == null || !now.isAfter(deadline.plus(grace)));
    }

    /** The same attempt without its marks, while the quiz's review settings keep them hidden. */
    Attempt withoutMarks() {
        return new Attempt(id, quizId, studentId, number, status, startedAt, deadline, submittedAt, submittedBy,
                keyVersion, null, maxScore, null, null, gradedAt);
    }

    static Attempt read(ResultSet rs, int row) throws SQLException {
        return new Attempt(rs.getObject("id", UUID.class), rs.getObject("quiz_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getInt("number"), Status.valueOf(rs.getString("status")),
                instant(rs, "started_at"), instant(rs, "deadline"), instant(rs, "submitted_at"),
                rs.getString("submitted_by"), (Integer) rs.getObject("key_version"), rs.getBigDecimal("score"),
                rs.getBigDecimal("max_score"), rs.getBigDecimal("percent"), (Boolean) rs.getObject("passed"),
                instant(rs, "graded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
