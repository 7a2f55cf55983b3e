package dev.coachos.communication.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.events.enrollment.EnrollmentTransferred;
import dev.coachos.events.enrollment.WaitlistJoined;
import dev.coachos.events.enrollment.WaitlistPromoted;
import dev.coachos.communication.enrollment.EnrollmentNotifications.Joined;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * enrollment-service's EnrollmentCreated as it writes it, read the way
 * {@link EnrollmentNotifications} reads it: every field of the confirmation arrives under the
 * name and type it expects.
 */
class EnrollmentEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theStudentIsToldTheCourseBatchAndNetFeeOfTheirEnrollment() {
        IncomingEvent event = travel(new EnrollmentCreated("0190a1b2-0000-7000-8000-0000000000e1",
                "0190a1b2-0000-7000-8000-000000000081", "0190a1b2-0000-7000-8000-0000000000c0", "JEE Physics",
                "0190a1b2-0000-7000-8000-0000000000b1", "Jan 2027", null, "18500.00", "MONTHLY", "PERCENTAGE", "10",
                "16650.00", "2026-11-24T10:00:00Z", "2027-01-05", "2027-12-31"));

        assertThat(event.type()).isEqualTo("EnrollmentCreated");
        EnrollmentNotifications.Created read = event.payloadAs(EnrollmentNotifications.Created.class, 1);
        assertThat(read.enrollmentId()).isEqualTo("0190a1b2-0000-7000-8000-0000000000e1");
        assertThat(read.studentId()).isEqualTo("0190a1b2-0000-7000-8000-000000000081");
        assertThat(read.courseTitle()).isEqualTo("JEE Physics");
        assertThat(read.batchName()).isEqualTo("Jan 2027");
        assertThat(read.netFee()).isEqualTo("16650.00");
        assertThat(read.feeFrequency()).isEqualTo("MONTHLY");
    }

    @Test
    void aStudentInLineIsToldTheirPlaceAndAPromotedOneTheDeadline() {
        Joined joined = travel(new WaitlistJoined("e-1", "s-1", "c-1", "NEET Biology", "b-1", "Evening", 3))
                .payloadAs(EnrollmentNotifications.Joined.class, 1);
        assertThat(joined).isEqualTo(new Joined("e-1", "s-1", "NEET Biology", "Evening", 3));
        IncomingEvent promotedEvent = travel(new WaitlistPromoted("e-1", "s-1", "c-1", "b-1", "Evening",
                "2027-01-06T10:00:00Z"));
        assertThat(promotedEvent.type()).isEqualTo("WaitlistPromoted");
        assertThat(promotedEvent.payloadAs(EnrollmentNotifications.Promoted.class, 1))
                .isEqualTo(new EnrollmentNotifications.Promoted("e-1", "s-1", "Evening", "2027-01-06T10:00:00Z"));
        IncomingEvent ended = travel(new EnrollmentStatusChanged("e-1", "s-1", "c-1", "b-1", "OFFERED", "DROPPED",
                "batch cancelled"));
        assertThat(ended.payloadAs(EnrollmentNotifications.StatusChanged.class, 1)).isEqualTo(
                new EnrollmentNotifications.StatusChanged("e-1", "s-1", "OFFERED", "DROPPED", "batch cancelled"));
        IncomingEvent moved = travel(new EnrollmentTransferred("e-1", "s-1", "c-1", "b-1", "b-2", null, "evenings"));
        assertThat(moved.type()).isEqualTo("EnrollmentTransferred");
        assertThat(moved.payloadAs(EnrollmentNotifications.Transferred.class, 1))
                .isEqualTo(new EnrollmentNotifications.Transferred("e-1", "s-1", "evenings"));
    }

    /** The event in its envelope, written to JSON as the producer's outbox does and read back as a listener does. */
    private static IncomingEvent travel(DomainEvent payload) {
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(UUID.randomUUID(), EnrollmentEvents.typeOf(payload),
                EnrollmentEvents.SCHEMA_VERSION, Instant.parse("2026-11-24T10:00:00Z"), "enrollment-service", null,
                payload);
        return IncomingEvent.read(JSON.writeValueAsString(envelope));
    }
}
