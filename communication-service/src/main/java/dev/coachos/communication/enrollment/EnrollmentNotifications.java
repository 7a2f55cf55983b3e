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

/** Confirms each enrollment to its student, once, however often EnrollmentCreated arrives. */
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
        if (!event.type().equals("EnrollmentCreated")) {
            return;
        }
        Created created = event.payloadAs(Created.class, 1);
        UUID student = IncomingEvent.uuid(created.studentId(), "studentId");
        String fee = created.netFee() == null ? "" : " Your fee is INR " + created.netFee()
                + ("MONTHLY".equals(created.feeFrequency()) ? " a month." : ".");
        NewNotification confirmation = new NewNotification(student, "Enrollment confirmed",
                "You are enrolled in " + created.courseTitle() + " (batch " + created.batchName() + ")." + fee,
                Notification.Type.SUCCESS, "/enrollments/" + created.enrollmentId());
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(confirmation));
        log.info("EnrollmentCreated {} for student {}: {}", event.eventId(), student,
                applied ? "confirmation created" : "already applied, skipped");
    }

    /** The fields of enrollment-service's EnrollmentCreated used here. */
    record Created(String enrollmentId, String studentId, String courseTitle, String batchName, String netFee,
            String feeFrequency) {
    }
}
