package dev.coachos.communication.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.assessment.AssessmentEvents;
import dev.coachos.events.assessment.QuizGraded;
import dev.coachos.events.assessment.QuizResult;
import dev.coachos.events.assessment.QuizSubmitted;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * assessment-service's quiz events as it writes them, read the way {@link AssessmentNotifications}
 * reads them: every field a result or a grading request is made of arrives under the name and
 * type it expects.
 */
class AssessmentEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theStudentHearsTheScoreAndWhetherTheyPassedOfAnAttemptGradedAtOnce() {
        IncomingEvent event = travel(new QuizSubmitted("0190a1b2-0000-7000-8000-0000000000a1",
                "0190a1b2-0000-7000-8000-0000000000f1", "0190a1b2-0000-7000-8000-0000000000c0",
                "0190a1b2-0000-7000-8000-000000000081", "Newton's laws check", 1, "GRADED", "9.00", "12.00", "75.00",
                true, "STUDENT", "0190a1b2-0000-7000-8000-000000000071",
                new QuizResult("HIGHEST", 1, "9.00", "12.00", "75.00", true), true));

        assertThat(event.type()).isEqualTo("QuizSubmitted");
        assertThat(event.payloadAs(AssessmentNotifications.Submitted.class, 1)).isEqualTo(
                new AssessmentNotifications.Submitted("0190a1b2-0000-7000-8000-0000000000a1",
                        "0190a1b2-0000-7000-8000-000000000081", "Newton's laws check", "GRADED", "9.00", "12.00",
                        "75.00", true, "0190a1b2-0000-7000-8000-000000000071", true));
    }

    @Test
    void anAttemptWaitingForReviewHasNoPassedYetAndMayNameNoTeacher() {
        IncomingEvent event = travel(new QuizSubmitted("0190a1b2-0000-7000-8000-0000000000a2",
                "0190a1b2-0000-7000-8000-0000000000f1", "0190a1b2-0000-7000-8000-0000000000c0",
                "0190a1b2-0000-7000-8000-000000000081", "Essay questions", 2, "PENDING_REVIEW", "4.50", "10.00",
                "45.00", null, "DEADLINE", null, null, false));

        AssessmentNotifications.Submitted read = event.payloadAs(AssessmentNotifications.Submitted.class, 1);
        assertThat(read.status()).isEqualTo("PENDING_REVIEW");
        assertThat(read.score()).isEqualTo("4.50");
        assertThat(read.passed()).isNull();
        assertThat(read.teacherId()).isNull();
        assertThat(read.marksVisible()).isFalse();
    }

    @Test
    void theStudentHearsTheNewScoreOfAGradedAttemptAndWhyItChanged() {
        IncomingEvent event = travel(new QuizGraded("0190a1b2-0000-7000-8000-0000000000a2",
                "0190a1b2-0000-7000-8000-0000000000f1", "0190a1b2-0000-7000-8000-0000000000c0",
                "0190a1b2-0000-7000-8000-000000000081", "Essay questions", "MANUAL", "4.50", "8.50", "10.00", "85.00",
                true, "GRADED", "0190a1b2-0000-7000-8000-000000000071",
                new QuizResult("LAST", 2, "8.50", "10.00", "85.00", true), true));

        assertThat(event.type()).isEqualTo("QuizGraded");
        assertThat(event.payloadAs(AssessmentNotifications.Graded.class, 1)).isEqualTo(
                new AssessmentNotifications.Graded("0190a1b2-0000-7000-8000-0000000000a2",
                        "0190a1b2-0000-7000-8000-000000000081", "Essay questions", "MANUAL", "8.50", "10.00", "85.00",
                        true, "GRADED", true));
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), AssessmentEvents.typeOf(payload),
                AssessmentEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "assessment-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
