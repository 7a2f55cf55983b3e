package dev.coachos.communication.course;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Tells people about course-service's decisions: every reviewer (active users whose role is in
 * {@code coachos.notifications.curriculum-reviewer-roles}, directors by default) when a teacher submits a
 * curriculum version for review, the teacher when it is approved or rejected, the student when
 * a submission is graded. Each event notifies once, however often it arrives.
 */
@Component
class CourseNotifications {

    static final String CONSUMER = "communication.course";

    private static final Logger log = LoggerFactory.getLogger(CourseNotifications.class);

    private final Inbox inbox;
    private final Notifications notifications;
    private final Directory directory;
    private final List<String> reviewerRoles;

    CourseNotifications(Inbox inbox, Notifications notifications, Directory directory,
            @Value("${coachos.notifications.curriculum-reviewer-roles:DIRECTOR}") List<String> reviewerRoles) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.directory = directory;
        this.reviewerRoles = List.copyOf(reviewerRoles);
    }

    @KafkaListener(topics = Topics.COURSE, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!List.of("CurriculumSubmitted", "CurriculumApproved", "CurriculumRejected", "SubmissionGraded")
                .contains(event.type())) {
            return;
        }
        List<NewNotification> toSend = switch (event.type()) {
            case "CurriculumSubmitted" -> submitted(event.payloadAs(Submitted.class, 1));
            case "CurriculumApproved" -> {
                Decided decided = event.payloadAs(Decided.class, 1);
                yield List.of(new NewNotification(user(decided.teacherId()), "Curriculum approved",
                        "Your curriculum version for " + decided.courseTitle() + " was approved. Your students now follow it.",
                        Notification.Type.SUCCESS, "/curricula/" + decided.curriculumId()));
            }
            case "CurriculumRejected" -> {
                Decided decided = event.payloadAs(Decided.class, 1);
                yield List.of(new NewNotification(user(decided.teacherId()), "Curriculum sent back",
                        clip("Your curriculum version for " + decided.courseTitle() + " needs changes: " + decided.reason()),
                        Notification.Type.WARNING, "/curricula/" + decided.curriculumId()));
            }
            default -> {
                Graded graded = event.payloadAs(Graded.class, 1);
                yield List.of(new NewNotification(user(graded.studentId()), "Assignment graded",
                        "Your submission for " + graded.assignmentTitle() + " was graded: " + graded.points() + " of "
                                + graded.maxPoints() + " points.",
                        Notification.Type.SUCCESS, "/submissions/" + graded.submissionId()));
            }
        };
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(toSend));
        log.info("{} {}: {}", event.type(), event.eventId(),
                applied ? toSend.size() + " notification(s) created" : "already applied, skipped");
    }

    private List<NewNotification> submitted(Submitted submitted) {
        UUID teacher = user(submitted.teacherId());
        String who = directory.name(teacher).orElse("A teacher");
        List<UUID> reviewers = directory.withRoles(reviewerRoles);
        if (reviewers.isEmpty()) {
            // The directory may still be catching up with identity's events (a first start): wait for it.
            throw new IncomingEvent.NotYetApplicable("no active user with a reviewer role " + reviewerRoles
                    + " is known yet to tell of curriculum " + submitted.curriculumId());
        }
        return reviewers.stream().map(director -> new NewNotification(director, "Curriculum waiting for approval",
                who + " submitted a version of the curriculum of " + submitted.courseTitle() + " for approval.",
                Notification.Type.INFO, "/curricula/" + submitted.curriculumId())).toList();
    }

    private static UUID user(String id) {
        return IncomingEvent.uuid(id, "user id");
    }

    private static String clip(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    /** The fields of course-service's CurriculumSubmitted used here. */
    record Submitted(String curriculumId, String courseTitle, String teacherId) {
    }

    /** The fields of course-service's CurriculumApproved and CurriculumRejected used here (no reason when approved). */
    record Decided(String curriculumId, String courseTitle, String teacherId, String reason) {
    }

    /** The fields of course-service's SubmissionGraded used here. */
    record Graded(String submissionId, String assignmentTitle, String studentId, int points, int maxPoints) {
    }
}
