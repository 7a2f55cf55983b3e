package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.coachos.assessment.grading.GradingMethod;
import dev.coachos.assessment.grading.MultiSelectPolicy;

/**
 * A quiz on a curriculum (optionally one of its modules or lessons): how long it takes, when it is
 * open, how it is marked and when students see what. Its questions are separate ({@link Question}).
 *
 * @param curriculumTeacherId the teacher whose curriculum version it is set on; null for the official one
 * @param durationMinutes     the time an attempt has; null: untimed
 * @param attemptsAllowed     0 for as many as a student likes
 * @param keyVersion          raised by every answer-key change after publishing
 * @param maxScore            the sum of its questions' points
 */
public record Quiz(UUID id, UUID curriculumId, UUID courseId, UUID curriculumTeacherId, UUID moduleId, UUID lessonId,
        String title, String instructions, Integer durationMinutes, Instant opensAt, Instant closesAt,
        BigDecimal passingPercent, int attemptsAllowed, GradingMethod gradingMethod, boolean shuffleQuestions,
        boolean shuffleOptions, MultiSelectPolicy multiSelectPolicy, Review review, Status status, int keyVersion,
        UUID createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt, int questionCount,
        BigDecimal maxScore) {

    static final String COLUMNS = """
            q.id, q.curriculum_id, q.course_id, q.curriculum_teacher, q.module_id, q.lesson_id, q.title, q.instructions,
            q.duration_minutes, q.opens_at, q.closes_at, q.passing_percent, q.attempts_allowed, q.grading_method,
            q.shuffle_questions, q.shuffle_options, q.multi_select_policy, q.review_marks, q.review_correctness,
            q.review_answers, q.status, q.key_version, q.created_by, q.created_at, q.updated_at, q.published_at,
            (select count(*) from question x where x.quiz_id = q.id) as question_count,
            (select coalesce(sum(x.points), 0) from question x where x.quiz_id = q.id) as max_score""";

    /** A quiz is written while DRAFT; PUBLISHED freezes its questions and opens it to students. */
    public enum Status {
        DRAFT, PUBLISHED
    }

    /** When a student sees something about their attempt. */
    public enum When {
        /** While the attempt is in progress, as soon as an answer is saved. */
        DURING,
        /** Once the attempt is submitted. */
        AFTER_SUBMIT,
        /** Once the quiz has closed (never, for a quiz without a closing time). */
        AFTER_CLOSE,
        /** Never. */
        NEVER;

        /** Whether it is visible now, for an attempt submitted or not, of a quiz closed or not. */
        public boolean allows(boolean submitted, boolean closed) {
            return switch (this) {
                case DURING -> true;
                case AFTER_SUBMIT -> submitted;
                case AFTER_CLOSE -> submitted && closed;
                case NEVER -> false;
            };
        }
    }

    /**
     * When students see their marks, which of their answers were right, and the right answers.
     * Defaults: marks and correctness after submitting, the right answers after the quiz closes.
     */
    public record Review(When marks, When correctness, When answers) {

        public Review {
            marks = marks == null ? When.AFTER_SUBMIT : marks;
            correctness = correctness == null ? When.AFTER_SUBMIT : correctness;
            answers = answers == null ? When.AFTER_CLOSE : answers;
        }
    }

    /** Whether the quiz has closed at {@code now}: no attempt starts. */
    public boolean closedAt(Instant now) {
        return closesAt != null && !now.isBefore(closesAt);
    }

    /**
     * Whether what is shown AFTER_CLOSE may be shown at {@code now}: once no attempt can take an
     * answer any more (the closing time plus the grace every deadline gets).
     */
    public boolean closedForReview(Instant now, java.time.Duration grace) {
        return closesAt != null && !now.isBefore(closesAt.plus(grace));
    }

    static Quiz read(ResultSet rs, int row) throws SQLException {
        return new Quiz(rs.getObject("id", UUID.class), rs.getObject("curriculum_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getObject("curriculum_teacher", UUID.class),
                rs.getObject("module_id", UUID.class), rs.getObject("lesson_id", UUID.class), rs.getString("title"),
                rs.getString("instructions"), (Integer) rs.getObject("duration_minutes"), instant(rs, "opens_at"),
                instant(rs, "closes_at"), rs.getBigDecimal("passing_percent"), rs.getInt("attempts_allowed"),
                GradingMethod.valueOf(rs.getString("grading_method")), rs.getBoolean("shuffle_questions"),
                rs.getBoolean("shuffle_options"), MultiSelectPolicy.valueOf(rs.getString("multi_select_policy")),
                new Review(When.valueOf(rs.getString("review_marks")), When.valueOf(rs.getString("review_correctness")),
                        When.valueOf(rs.getString("review_answers"))),
                Status.valueOf(rs.getString("status")), rs.getInt("key_version"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"),
                rs.getInt("question_count"), rs.getBigDecimal("max_score").setScale(2));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
