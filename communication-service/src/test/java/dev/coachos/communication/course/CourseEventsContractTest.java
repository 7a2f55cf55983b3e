package dev.coachos.communication.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.course.CourseEvents;
import dev.coachos.events.course.CurriculumApproved;
import dev.coachos.events.course.CurriculumRejected;
import dev.coachos.events.course.CurriculumSubmitted;
import dev.coachos.events.course.SubmissionGraded;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * course-service's events as it writes them, read the way {@link CourseNotifications} reads
 * them: every field a notification is made of arrives under the name and type it expects.
 */
class CourseEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void reviewersHearWhichCurriculumWhoseTeacherSubmittedForWhichCourse() {
        IncomingEvent event = travel(new CurriculumSubmitted("0190a1b2-0000-7000-8000-0000000000c1",
                "0190a1b2-0000-7000-8000-0000000000c0", "NEET Biology", "0190a1b2-0000-7000-8000-000000000071",
                "Spring term"));

        assertThat(event.type()).isEqualTo("CurriculumSubmitted");
        CourseNotifications.Submitted read = event.payloadAs(CourseNotifications.Submitted.class, 1);
        assertThat(read.curriculumId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000c1");
        assertThat(read.courseTitle()).isEqualTo("NEET Biology");
        assertThat(read.teacherId()).isEqualTo("0190a1b2-0000-7000-8000-000000000071");
    }

    @Test
    void theTeacherHearsWhichCurriculumWasApproved() {
        IncomingEvent event = travel(new CurriculumApproved("0190a1b2-0000-7000-8000-0000000000c2",
                "0190a1b2-0000-7000-8000-0000000000c0", "JEE Physics", "0190a1b2-0000-7000-8000-000000000072",
                "0190a1b2-0000-7000-8000-0000000000d1"));

        assertThat(event.type()).isEqualTo("CurriculumApproved");
        CourseNotifications.Decided read = event.payloadAs(CourseNotifications.Decided.class, 1);
        assertThat(read.curriculumId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000c2");
        assertThat(read.courseTitle()).isEqualTo("JEE Physics");
        assertThat(read.teacherId()).isEqualTo("0190a1b2-0000-7000-8000-000000000072");
        assertThat(read.reason()).isNull();
    }

    @Test
    void theTeacherHearsWhyACurriculumWasSentBack() {
        IncomingEvent event = travel(new CurriculumRejected("0190a1b2-0000-7000-8000-0000000000c3",
                "0190a1b2-0000-7000-8000-0000000000c0", "JEE Physics", "0190a1b2-0000-7000-8000-000000000073",
                "0190a1b2-0000-7000-8000-0000000000d1", "Add rotational motion"));

        assertThat(event.type()).isEqualTo("CurriculumRejected");
        CourseNotifications.Decided read = event.payloadAs(CourseNotifications.Decided.class, 1);
        assertThat(read.curriculumId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000c3");
        assertThat(read.courseTitle()).isEqualTo("JEE Physics");
        assertThat(read.teacherId()).isEqualTo("0190a1b2-0000-7000-8000-000000000073");
        assertThat(read.reason()).isEqualTo("Add rotational motion");
    }

    @Test
    void theStudentHearsTheirPointsOutOfTheMostForWhichAssignment() {
        IncomingEvent event = travel(new SubmissionGraded("0190a1b2-0000-7000-8000-000000000051",
                "0190a1b2-0000-7000-8000-0000000000a1", "Worksheet 3", "0190a1b2-0000-7000-8000-0000000000c0",
                "0190a1b2-0000-7000-8000-000000000081", 18, 20, "0190a1b2-0000-7000-8000-000000000071"));

        assertThat(event.type()).isEqualTo("SubmissionGraded");
        CourseNotifications.Graded read = event.payloadAs(CourseNotifications.Graded.class, 1);
        assertThat(read.submissionId()).isEqualTo("0190a1b2-0000-7000-8000-000000000051");
        assertThat(read.assignmentTitle()).isEqualTo("Worksheet 3");
        assertThat(read.studentId()).isEqualTo("0190a1b2-0000-7000-8000-000000000081");
        assertThat(read.points()).isEqualTo(18);
        assertThat(read.maxPoints()).isEqualTo(20);
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), CourseEvents.typeOf(payload),
                CourseEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "course-service", null, payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
