package dev.coachos.communication.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.BatchUpdated;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.events.enrollment.EnrollmentTransferred;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * enrollment-service's batch and enrollment events as it writes them, read the way
 * {@link EnrollmentReadModel} reads them: the ids it keeps arrive under the names it expects.
 */
class EnrollmentReadModelContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final UUID BATCH = UUID.fromString("0190a1b2-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BATCH = UUID.fromString("0190a1b2-0000-7000-8000-0000000000b2");
    private static final UUID COURSE = UUID.fromString("0190a1b2-0000-7000-8000-0000000000c0");
    private static final UUID TEACHER = UUID.fromString("0190a1b2-0000-7000-8000-0000000000a1");
    private static final UUID BRANCH = UUID.fromString("0190a1b2-0000-7000-8000-0000000000d1");
    private static final UUID ENROLLMENT = UUID.fromString("0190a1b2-0000-7000-8000-0000000000e1");
    private static final UUID STUDENT = UUID.fromString("0190a1b2-0000-7000-8000-000000000081");

    @Test
    void aBatchArrivesWithItsNameCourseBranchAndTeacher() {
        assertThat(travel(new BatchCreated(BATCH.toString(), COURSE.toString(), "Jan 2027", "2027-01-05",
                "2027-06-30", 30, TEACHER.toString(), BRANCH.toString(), "18500.00", "MONTHLY", null, null, null))
                .payloadAs(EnrollmentReadModel.BatchOpened.class, 1))
                .isEqualTo(new EnrollmentReadModel.BatchOpened(BATCH, COURSE, "Jan 2027", TEACHER, BRANCH));
        assertThat(travel(new BatchUpdated(BATCH.toString(), "Jan 2027", "2027-06-30", 30, null, Map.of(), "OPEN", 5))
                .payloadAs(EnrollmentReadModel.BatchChanged.class, 1))
                .isEqualTo(new EnrollmentReadModel.BatchChanged(BATCH, "Jan 2027", null));
    }

    @Test
    void anEnrollmentArrivesWithItsStudentBatchCourseAndStatus() {
        assertThat(travel(new EnrollmentCreated(ENROLLMENT.toString(), STUDENT.toString(), COURSE.toString(),
                "JEE Physics", BATCH.toString(), "Jan 2027", BRANCH.toString(), "18500.00", "MONTHLY", null, null,
                "18500.00", "2026-11-24T10:00:00Z", "2027-01-05", null)).payloadAs(EnrollmentReadModel.Enrolled.class, 1))
                .isEqualTo(new EnrollmentReadModel.Enrolled(ENROLLMENT, STUDENT, COURSE, BATCH));
        assertThat(travel(new EnrollmentStatusChanged(ENROLLMENT.toString(), STUDENT.toString(), COURSE.toString(),
                BATCH.toString(), "ACTIVE", "ON_HOLD", null)).payloadAs(EnrollmentReadModel.StatusChanged.class, 1))
                .isEqualTo(new EnrollmentReadModel.StatusChanged(ENROLLMENT, STUDENT, COURSE, BATCH, "ON_HOLD"));
        assertThat(travel(new EnrollmentTransferred(ENROLLMENT.toString(), STUDENT.toString(), COURSE.toString(),
                BATCH.toString(), OTHER_BATCH.toString(), null, "evenings"))
                .payloadAs(EnrollmentReadModel.Transferred.class, 1))
                .isEqualTo(new EnrollmentReadModel.Transferred(ENROLLMENT, OTHER_BATCH));
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), EnrollmentEvents.typeOf(payload),
                EnrollmentEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "enrollment-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
