package dev.coachos.enrollment.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Keeps what progress needs of assessment-service: each published quiz with its curriculum, and
 * each student's result on each quiz (by the quiz's grading method over their graded attempts, as
 * assessment-service computes it). Events of different attempts travel under different keys, so
 * they may arrive out of order: a result replaces the one kept only when its event occurred at
 * the same time or later. An attempt without a graded result yet changes nothing.
 */
@Component
class QuizReadModel {

    static final String CONSUMER = "enrollment.quizzes";

    private static final Logger log = LoggerFactory.getLogger(QuizReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    QuizReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.ASSESSMENT, groupId = "enrollment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "QuizPublished" -> {
                Published quiz = event.payloadAs(Published.class, 1);
                Instant at = occurredAt(event);
                yield () -> published(quiz, at);
            }
            case "QuizSubmitted", "QuizGraded" -> {
                Attempted attempt = event.payloadAs(Attempted.class, 1);
                if (attempt.result() == null) {
                    yield null; // nothing graded yet: no result to keep
                }
                Instant at = occurredAt(event);
                yield () -> result(attempt, at);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the quiz read model", event.type(), event.eventId());
        }
    }

    private void published(Published quiz, Instant at) {
        if (quiz.quizId() == null || quiz.curriculumId() == null || quiz.courseId() == null || quiz.title() == null) {
            throw new IncomingEvent.MalformedEvent("QuizPublished without quizId, curriculumId, courseId or title");
        }
        jdbc.update("""
                insert into quiz_view (quiz_id, course_id, curriculum_id, title, published_at) values (?, ?, ?, ?, ?)
                on conflict (quiz_id) do nothing""",
                quiz.quizId(), quiz.courseId(), quiz.curriculumId(), quiz.title(), Timestamp.from(at));
    }

    private void result(Attempted attempt, Instant at) {
        if (attempt.quizId() == null || attempt.courseId() == null || attempt.studentId() == null
                || attempt.result().percent() == null || attempt.result().passed() == null) {
            throw new IncomingEvent.MalformedEvent("a quiz result without quizId, courseId, studentId, percent or passed");
        }
        int kept = jdbc.update("""
                insert into quiz_result (student_id, quiz_id, course_id, percent, passed, result_at) values (?, ?, ?, ?, ?, ?)
                on conflict (student_id, quiz_id) do update set percent = excluded.percent, passed = excluded.passed,
                    result_at = excluded.result_at
                where quiz_result.result_at <= excluded.result_at""",
                attempt.studentId(), attempt.quizId(), attempt.courseId(), attempt.result().percent(),
                attempt.result().passed(), Timestamp.from(at));
        if (kept == 0) {
            log.debug("Result of student {} on quiz {} at {} is older than the one kept", attempt.studentId(),
                    attempt.quizId(), at);
        }
    }

    /** When the producer committed the event: the order of results across attempts. */
    private static Instant occurredAt(IncomingEvent event) {
        if (event.occurredAt() == null) {
            throw new IncomingEvent.MalformedEvent(event.type() + " without occurredAt cannot be ordered");
        }
        return event.occurredAt();
    }

    /** The fields of assessment-service's QuizPublished used here. */
    record Published(UUID quizId, UUID curriculumId, UUID courseId, String title) {
    }

    /** The fields of assessment-service's QuizSubmitted and QuizGraded used here. */
    record Attempted(UUID quizId, UUID courseId, UUID studentId, Result result) {
    }

    /** The student's result on the quiz after the attempt (QuizResult). */
    record Result(BigDecimal percent, Boolean passed) {
    }
}
