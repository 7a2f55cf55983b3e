package dev.coachos.enrollment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.assessment.AssessmentEvents;
import dev.coachos.events.assessment.QuizGraded;
import dev.coachos.events.assessment.QuizPublished;
import dev.coachos.events.assessment.QuizResult;
import dev.coachos.events.assessment.QuizSubmitted;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** assessment-service's quiz events as published, read the way the quiz read model reads them. */
class AssessmentEventsContractTest {

    private final UUID quiz = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();
    private final UUID student = UUID.randomUUID();

    @Test
    void quizPublishedGivesTheQuizItsCurriculumCourseAndTitle() {
        UUID curriculum = UUID.randomUUID();
        QuizReadModel.Published read = read(new QuizPublished(quiz.toString(), curriculum.toString(),
                course.toString(), null, "Newton's laws check", null, null, 4, "12.00", UUID.randomUUID().toString()),
                QuizReadModel.Published.class);
        assertThat(read).isEqualTo(new QuizReadModel.Published(quiz, curriculum, course, "Newton's laws check"));
    }

    @Test
    void quizSubmittedCarriesTheStudentsResultOnTheQuizAfterTheAttempt() {
        QuizReadModel.Attempted read = read(new QuizSubmitted(UUID.randomUUID().toString(), quiz.toString(),
                course.toString(), student.toString(), "Newton's laws check", 2, "GRADED", "9.00", "12.00", "75.00",
                true, "STUDENT", null, new QuizResult("HIGHEST", 2, "10.50", "12.00", "87.50", true), true),
                QuizReadModel.Attempted.class);
        assertThat(read.quizId()).isEqualTo(quiz);
        assertThat(read.courseId()).isEqualTo(course);
        assertThat(read.studentId()).isEqualTo(student);
        assertThat(read.result().percent()).isEqualByComparingTo(new BigDecimal("87.50"));
        assertThat(read.result().passed()).isTrue();
    }

    @Test
    void anAttemptWaitingForReviewBeforeAnyGradedOneHasNoResult() {
        QuizReadModel.Attempted read = read(new QuizSubmitted(UUID.randomUUID().toString(), quiz.toString(),
                course.toString(), student.toString(), "Essay questions", 1, "PENDING_REVIEW", "4.50", "10.00",
                "45.00", null, "DEADLINE", null, null, true), QuizReadModel.Attempted.class);
        assertThat(read.studentId()).isEqualTo(student);
        assertThat(read.result()).isNull();
    }

    @Test
    void quizGradedCarriesTheResultAfterTheGrade() {
        QuizReadModel.Attempted read = read(new QuizGraded(UUID.randomUUID().toString(), quiz.toString(),
                course.toString(), student.toString(), "Essay questions", "MANUAL", "4.50", "5.50", "10.00", "55.00",
                false, "GRADED", UUID.randomUUID().toString(),
                new QuizResult("LAST", 1, "5.50", "10.00", "55.00", false), true), QuizReadModel.Attempted.class);
        assertThat(read.quizId()).isEqualTo(quiz);
        assertThat(read.result()).isEqualTo(new QuizReadModel.Result(new BigDecimal("55.00"), false));
    }

    private static <T> T read(DomainEvent event, Class<T> type) {
        return IncomingEvent.read(PublishedEvent.json(AssessmentEvents.typeOf(event), event)).payloadAs(type, 1);
    }
}
