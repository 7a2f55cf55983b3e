package dev.coachos.enrollment;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.enrollment.AttendanceMarked;
import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.BatchFeeChanged;
import dev.coachos.events.enrollment.BatchUpdated;
import dev.coachos.events.enrollment.EnrollmentCreated;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.events.enrollment.EnrollmentTransferred;
import dev.coachos.events.enrollment.LeadEnrolled;
import dev.coachos.events.enrollment.LeadEnrollmentRefused;
import dev.coachos.events.enrollment.LessonCompleted;
import dev.coachos.events.enrollment.WaitlistJoined;
import dev.coachos.events.enrollment.WaitlistPromoted;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events enrollment-service publishes, one method each, and the only caller of the outbox:
 * each is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#ENROLLMENT} afterwards.
 */
@Component
public class EnrollmentEvents {

    private final Outbox outbox;

    EnrollmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void batchCreated(BatchCreated event) {
        publish(event);
    }

    public void batchUpdated(BatchUpdated event) {
        publish(event);
    }

    public void enrollmentCreated(EnrollmentCreated event) {
        publish(event);
    }

    public void enrollmentStatusChanged(EnrollmentStatusChanged event) {
        publish(event);
    }

    public void batchFeeChanged(BatchFeeChanged event) {
        publish(event);
    }

    public void enrollmentTransferred(EnrollmentTransferred event) {
        publish(event);
    }

    public void waitlistJoined(WaitlistJoined event) {
        publish(event);
    }

    public void waitlistPromoted(WaitlistPromoted event) {
        publish(event);
    }

    public void attendanceMarked(AttendanceMarked event) {
        publish(event);
    }

    public void lessonCompleted(LessonCompleted event) {
        publish(event);
    }

    public void leadEnrolled(LeadEnrolled event) {
        publish(event);
    }

    public void leadEnrollmentRefused(LeadEnrollmentRefused event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.ENROLLMENT, dev.coachos.events.enrollment.EnrollmentEvents.typeOf(event),
                dev.coachos.events.enrollment.EnrollmentEvents.SCHEMA_VERSION, event);
    }
}
