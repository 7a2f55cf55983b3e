package dev.coachos.communication.enrollment;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Tells students about their enrollments, once per event however often it arrives: confirmed
 * (EnrollmentCreated), in line for a full batch (WaitlistJoined), offered a seat with the deadline to
 * confirm it (WaitlistPromoted), moved to another batch (EnrollmentTransferred), and dropped, with
 * the reason (a cancelled batch, a closed waitlist, an offer not confirmed in time).
 */
@Component
class EnrollmentNotifications {

    static final String CONSUMER = "communication.enrollment";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentNotifications.class);

    private final Inbox inbox;
    private final Notifications notifications;

    EnrollmentNotifications(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        NewNotification notification = switch (event.type()) {
            case "EnrollmentCreated" -> confirmation(event);
            case "WaitlistJoined" -> waiting(event.payloadAs(Joined.class, 1));
            case "WaitlistPromoted" -> offer(event.payloadAs(Promoted.class, 1));
            case "EnrollmentTransferred" -> moved(event.payloadAs(Transferred.class, 1));
            case "EnrollmentStatusChanged" -> ended(event.payloadAs(StatusChanged.class, 1));
            default -> null;
        };
        if (notification == null) {
            return;
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(notification));
        log.info("{} {} for student {}: {}", event.type(), event.eventId(), notification.userId(),
                applied ? "notification created" : "already applied, skipped");
    }

    private static NewNotification confirmation(IncomingEvent event) {
        Created created = event.payloadAs(Created.class, 1);
        UUID student = IncomingEvent.uuid(created.studentId(), "studentId");
        String fee = created.netFee() == null ? "" : " Your fee is INR " + created.netFee()
                + ("MONTHLY".equals(created.feeFrequency()) ? " a month." : ".");
        return new NewNotification(student, "Enrollment confirmed",
                "You are enrolled in " + created.courseTitle() + " (batch " + created.batchName() + ")." + fee,
                Notification.Type.SUCCESS, "/enrollments/" + created.enrollmentId());
    }

    private static NewNotification waiting(Joined joined) {
        return new NewNotification(IncomingEvent.uuid(joined.studentId(), "studentId"), "On the waitlist",
                "Batch " + joined.batchName() + " of " + joined.courseTitle() + " is full; you are number "
                        + joined.position() + " in line. We will tell you as soon as a seat is yours.",
                Notification.Type.INFO, "/enrollments/" + joined.enrollmentId());
    }

    private static NewNotification offer(Promoted promoted) {
        return new NewNotification(IncomingEvent.uuid(promoted.studentId(), "studentId"), "A seat is yours",
                "A seat in batch " + promoted.batchName() + " is held for you until " + promoted.offeredUntil()
                        + " (UTC). Confirm it before then, or it goes to the next in line.",
                Notification.Type.SUCCESS, "/enrollments/" + promoted.enrollmentId());
    }

    private static NewNotification moved(Transferred transferred) {
        return new NewNotification(IncomingEvent.uuid(transferred.studentId(), "studentId"), "Batch changed",
                "Your enrollment moved to another batch"
                        + (transferred.reason() == null || transferred.reason().isBlank() ? "." : ": " + transferred.reason()),
                Notification.Type.INFO, "/enrollments/" + transferred.enrollmentId());
    }

    /** Only an enrollment (or a place in line) that ended is worth a message; other moves are not. */
    private static NewNotification ended(StatusChanged changed) {
        if (!"DROPPED".equals(changed.status())) {
            return null;
        }
        String what = "WAITLISTED".equals(changed.previous()) ? "Your place on the waitlist"
                : "OFFERED".equals(changed.previous()) ? "The seat offered to you" : "Your enrollment";
        return new NewNotification(IncomingEvent.uuid(changed.studentId(), "studentId"), "Enrollment ended",
                what + " has ended" + (changed.reason() == null || changed.reason().isBlank() ? "."
                        : ": " + changed.reason() + "."),
                Notification.Type.WARNING, "/enrollments/" + changed.enrollmentId());
    }

    /** The fields of enrollment-service's EnrollmentStatusChanged used here. */
    record StatusChanged(String enrollmentId, String studentId, String previous, String status, String reason) {
    }

    /** The fields of enrollment-service's WaitlistJoined used here. */
    record Joined(String enrollmentId, String studentId, String courseTitle, String batchName, int position) {
    }

    /** The fields of enrollment-service's WaitlistPromoted used here. */
    record Promoted(String enrollmentId, String studentId, String batchName, String offeredUntil) {
    }

    /** The fields of enrollment-service's EnrollmentTransferred used here. */
    record Transferred(String enrollmentId, String studentId, String reason) {
    }

    /** The fields of enrollment-service's EnrollmentCreated used here. */
    record Created(String enrollmentId, String studentId, String courseTitle, String batchName, String netFee,
            String feeFrequency) {
    }
}
