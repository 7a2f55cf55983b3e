package dev.coachos.course.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer's side of enrollment-service's contract: each event course-service listens to,
 * built from the producer's own record and written as JSON, is read by this service's own
 * record ({@link EnrollmentReadModel.Enrollment}) with every field it uses intact.
 */
class EnrollmentContractTest {

    /** As the platform reads events: unknown payload fields are ignored, not refused. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final UUID studentId = UUID.randomUUID();
    private final UUID courseId = UUID.randomUUID();

    @Test
    void theConsumerListensUnderTheProducersTypeNamesAndVersion() {
        assertThat(EnrollmentEvents.TYPES.get(EnrollmentReadModel.CREATED)).isEqualTo(EnrollmentCreated.class);
        assertThat(EnrollmentEvents.TYPES.get(EnrollmentReadModel.STATUS_CHANGED)).isEqualTo(EnrollmentStatusChanged.class);
        assertThat(EnrollmentReadModel.UNDERSTOOD_VERSION).isEqualTo(EnrollmentEvents.SCHEMA_VERSION);
    }

    @Test
    void enrollmentCreatedGivesTheStudentAndTheCourse() {
        EnrollmentCreated produced = new EnrollmentCreated(UUID.randomUUID().toString(), studentId.toString(),
                courseId.toString(), "JEE Physics", UUID.randomUUID().toString(), "Morning batch",
                UUID.randomUUID().toString(), "12000.00", "MONTHLY", "PERCENTAGE", "10", "10800.00",
                "2026-11-24T10:00:00Z", "2027-01-05", null);

        EnrollmentReadModel.Enrollment consumed = consume(produced);

        assertThat(consumed.enrollmentId()).hasToString(produced.enrollmentId());
        assertThat(consumed.studentId()).isEqualTo(studentId);
        assertThat(consumed.courseId()).isEqualTo(courseId);
    }

    @Test
    void enrollmentStatusChangedGivesTheStudentTheCourseAndTheNewStatus() {
        for (String status : new String[] {"WAITLISTED", "OFFERED", "DROPPED", "ON_HOLD", "ACTIVE", "COMPLETED"}) {
            EnrollmentStatusChanged produced = new EnrollmentStatusChanged(UUID.randomUUID().toString(),
                    studentId.toString(), courseId.toString(), UUID.randomUUID().toString(), "ACTIVE", status,
                    "student asked");

            EnrollmentReadModel.Enrollment consumed = consume(produced);

            assertThat(consumed.enrollmentId()).hasToString(produced.enrollmentId());
            assertThat(consumed.studentId()).isEqualTo(studentId);
            assertThat(consumed.courseId()).isEqualTo(courseId);
            assertThat(consumed.status()).isEqualTo(status);
        }
    }

    /** The event as the producer's outbox writes it, read back as the listener reads it. */
    private static EnrollmentReadModel.Enrollment consume(DomainEvent produced) {
        String type = EnrollmentEvents.typeOf(produced);
        String wire = JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type,
                EnrollmentEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "enrollment-service", null,
                produced));
        IncomingEvent incoming = IncomingEvent.read(wire);
        assertThat(incoming.type()).isEqualTo(type);
        EnrollmentReadModel.Enrollment viaPlatform = incoming.payloadAs(EnrollmentReadModel.Enrollment.class,
                EnrollmentReadModel.UNDERSTOOD_VERSION);
        EnrollmentReadModel.Enrollment direct = JSON.treeToValue(JSON.readTree(wire).path("payload"),
                EnrollmentReadModel.Enrollment.class);
        assertThat(viaPlatform).isEqualTo(direct);
        return viaPlatform;
    }
}
